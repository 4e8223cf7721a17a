#include "engine/cli/commands.h"

#include <iostream>

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    return cairn::cli::runCli(args, std::cout, std::cerr);
}
