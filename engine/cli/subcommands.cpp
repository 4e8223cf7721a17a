#include "engine/cli/subcommands.h"

#include "engine/cli/output.h"
#include "engine/core/text.h"

namespace cairn::cli {

namespace {

// "a, b or c"
std::string listOf(const std::vector<std::string>& names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

} // namespace

int dispatchSubcommand(const std::string& group, const std::vector<std::string>& argv, Context& ctx,
                       void (*printHelp)(std::ostream&), std::initializer_list<Subcommand> subcommands)
{
    if (argv.empty()) {
        printHelp(ctx.err);
        return kExitUsage;
    }
    const std::string& sub = argv[0];
    if (sub == "-h" || sub == "--help") {
        printHelp(ctx.out);
        return kExitOk;
    }
    std::vector<std::string> names;
    for (const Subcommand& s : subcommands) {
        if (s.name == sub)
            return s.run(std::vector<std::string>(argv.begin() + 1, argv.end()), ctx);
        names.push_back(s.name);
    }
    const std::string hint = didYouMean(sub, names);
    const std::string expected = names.size() <= 6 ? "expected " + listOf(names) : "'cairn " + group + " --help' lists them";
    return usageError(ctx.err, group,
                      "unknown subcommand '" + sub + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; " + expected);
}

} // namespace cairn::cli
