// The jobsim executable: parses the command line and runs one subcommand. This is the single place
// that maps exceptions to exit codes and messages (ARCHITECTURE-SKETCH 7.8):
//   0 success; 2 bad input (ScenarioError, UsageError, command-line errors); 1 anything else.
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "sim/core/error.hpp"

#include <malloc.h>

namespace {

constexpr const char* error_prefix = "jobsim: error: ";

std::string join_arguments(int argc, char** argv) {
    std::string joined;
    for (int index = 0; index < argc; ++index) {
        joined += (index == 0 ? "" : " ");
        joined += argv[index];
    }
    return joined;
}

/// Keeps the memory weekly loops free for the next week: glibc otherwise returns large freed blocks
/// to the kernel (mmap threshold, heap trimming), and every week pays again in page faults, which
/// serialise the threads (baseline, 1e6 persons x 52 weeks, 2 threads: 187,000 page faults and
/// 7.7-8.1 s; with this 52,000 and 6.5 s; peak memory unchanged). Blocks above 32 MiB, the long-
/// lived columns of large runs, are still mapped on their own.
void keep_freed_memory() {
    constexpr int mmap_threshold = 32 * 1024 * 1024;  // glibc's largest
    constexpr int trim_threshold = 1024 * 1024 * 1024;
    mallopt(M_MMAP_THRESHOLD, mmap_threshold);
    mallopt(M_TRIM_THRESHOLD, trim_threshold);
}

}  // namespace

// The function-try-block catches what setting up the command line throws (outside the inner try).
int main(int argc, char** argv) try {
    using namespace jobsim;
    keep_freed_memory();
    CLI::App cli{"jobsim: an agent-based simulator of UK employment support", "jobsim"};
    cli.set_version_flag("--version", std::string("jobsim ") + JOBSIM_VERSION);
    cli.require_subcommand(1);
    cli.footer(app::exit_code_footer());
    cli.failure_message([](const CLI::App* /*app*/, const CLI::Error& error) {
        return std::string(error_prefix) + error.what() +
               "\nRun with --help for more information.\n";
    });
    app::Action chosen;
    app::add_commands(cli, chosen, join_arguments(argc, argv));

    try {
        cli.parse(argc, argv);
        return chosen();
    } catch (const CLI::ParseError& error) {
        // CLI11 prints help and version itself and reports them as exit 0.
        return cli.exit(error) == 0 ? app::exit_success : app::exit_bad_input;
    } catch (const ScenarioError& error) {
        std::cerr << error_prefix << "invalid scenario (" << error.problems().size()
                  << (error.problems().size() == 1 ? " problem" : " problems") << ")\n";
        for (const ScenarioProblem& problem : error.problems()) {
            std::cerr << "  " << format_problem(problem) << '\n';
        }
        return app::exit_bad_input;
    } catch (const UsageError& error) {
        std::cerr << error_prefix << error.what() << '\n';
        return app::exit_bad_input;
    } catch (const RunError& error) {
        std::cerr << error_prefix << "the run failed: " << error.what() << '\n';
        return app::exit_failure;
    } catch (const OutputError& error) {
        std::cerr << error_prefix << error.what() << '\n';
        return app::exit_failure;
    } catch (const std::exception& error) {
        std::cerr << error_prefix << error.what() << '\n';
        return app::exit_failure;
    }
} catch (const std::exception& error) {
    std::cerr << error_prefix << error.what() << '\n';
    return jobsim::app::exit_failure;
} catch (...) {
    return jobsim::app::exit_failure;
}
