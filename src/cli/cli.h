// The zhizao command line: parses arguments (CLI11) and runs one command.
#pragma once

namespace zhizao {

// Runs the command line and returns the process exit code (data contract: 0 done, 1 wrong
// usage, 2 data refused). Catches every exception at this process boundary.
int run_cli(int argc, char** argv);

}  // namespace zhizao
