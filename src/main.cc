#include "cli/cli.h"

int main(int argc, char** argv) { return zhizao::run_cli(argc, argv); }
