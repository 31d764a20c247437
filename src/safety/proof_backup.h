// The proof files of a backup (docs/safety.md "Proof files", docs/operations.md "Backup"): the
// database registers each stored proof in safety_proof, the bytes live in a folder beside it
// (ProofFolder). `zhizao backup` copies the files its copy registers into FILE.files/ before the
// copy appears under FILE, and `zhizao restore` checks them against their SHA-256 names and copies
// them back before the database is replaced, so a complete-looking backup or database always has
// its proofs beside it. Files are content-addressed and never removed, so copying into a folder
// that already holds some is safe. Thread-compatible (touches the file system).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "safety/proof_file.h"

namespace zhizao {

// The proof folder of a backup file: BACKUP.files, as ProofFolder::default_path of a database,
// so that a backup restored by copying it by hand keeps its folder beside it.
std::string backup_proof_folder(std::string_view backup_path);

// What to do with a registered proof whose bytes no longer hash to its name.
enum class DamagedProof {
  kReport,  // a backup: copy the sound ones and list the damaged (the source's problem)
  kRefuse,  // a restore: a damaged backup is refused before anything is replaced
};

// What copying proof files found.
struct ProofCopySummary {
  int registered = 0;                // names given
  int copied = 0;                    // sound files now in the destination folder
  std::vector<std::string> missing;  // registered but absent from the source folder
  std::vector<std::string> damaged;  // present but not hashing to their name (or a bad name)
};

// Copies the proofs `names` from `from` to `to`: each is read from `from` and checked against
// its name (ProofFolder::read), then stored in `to` (written to a temporary file, synced,
// renamed); the destination folder is synced at the end so the renames are durable. Missing
// files are listed, not refused (a backup made before proofs were copied has none).
// Errors: kCorruption when `damaged` is kRefuse and a file is damaged (the message names every
// one; nothing of the damaged is copied); kIoError when a file cannot be read or written.
Result<ProofCopySummary> copy_proof_files(const ProofFolder& from, const ProofFolder& to,
                                          const std::vector<std::string>& names,
                                          DamagedProof damaged);

}  // namespace zhizao
