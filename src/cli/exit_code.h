// Exit codes of the zhizao process, per the data contract: 0 done, 1 wrong usage (and every
// failure that is not the data's fault), 2 the data was refused.
#pragma once

#include "base/status.h"

namespace zhizao {

inline constexpr int kExitDone = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitDataRefused = 2;
// `zhizao check` only: the database file is damaged (SQLite's integrity or foreign-key check
// failed) or is not a zhizao database this program can read; restore a backup.
inline constexpr int kExitDamaged = 3;

// Maps a failed Status to the process exit code: kInvalidData → 2, everything else → 1.
int exit_code_for(const Status& status);

// Prints "zhizao: error: <message>" to stderr and returns exit_code_for(status).
int report_failure(const Status& status);

}  // namespace zhizao
