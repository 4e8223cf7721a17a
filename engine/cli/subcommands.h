// One way for every command group (`cairn model`, `cairn artifact`, ...) to pick its
// subcommand: help on -h/--help, the group's help on stderr and exit 2 with no subcommand, and
// an unknown one named with a "did you mean" and the list of what exists.
#pragma once

#include "engine/cli/commands.h"

#include <functional>
#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

namespace cairn::cli {

struct Subcommand {
    std::string name;
    std::function<int(const std::vector<std::string>& args, Context& ctx)> run;
};

int dispatchSubcommand(const std::string& group, const std::vector<std::string>& argv, Context& ctx,
                       void (*printHelp)(std::ostream&), std::initializer_list<Subcommand> subcommands);

} // namespace cairn::cli
