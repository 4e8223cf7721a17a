// cairn-gui-fixture DIR [RUNS] [POINTS]: writes a demo-looking project for trying the workbench
// (and its --screenshot) without Python or the CLI.
#include "project_fixture.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

int main(int argc, char* argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: cairn-gui-fixture DIR [RUNS] [POINTS]\n");
        return 2;
    }
    cairn::testing::FixtureOptions options;
    if (argc > 2)
        options.runs = std::atoi(argv[2]);
    if (argc > 3)
        options.points = std::atoi(argv[3]);
    try {
        auto ids = cairn::testing::makeFixtureProject(argv[1], options);
        std::printf("created %zu runs in %s\n", ids.size(), argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cairn-gui-fixture: %s\n", e.what());
        return 1;
    }
    return 0;
}
