// `jobsim bench`: person-weeks per second and peak memory of the baseline scenario at several
// sizes (issue 2). Each case runs in a fresh child process (`jobsim bench-case`, hidden) so its
// peak resident memory is its own; the child times only the simulated weeks, once with a recorder
// that keeps nothing (the model's cost) and once writing HDF5 to a temporary file (output's cost).
// Not a test: nothing here is registered with ctest.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/null_recorder.hpp"
#include "app/progress.hpp"
#include "app/scenario_input.hpp"
#include "app/table.hpp"
#include "output/hdf5_recorder.hpp"
#include "sim/core/error.hpp"
#include "sim/core/message.hpp"
#include "sim/run/runner.hpp"

#include <spawn.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;  // NOLINT: POSIX; handed unchanged to each child

namespace jobsim::app {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

/// Printed by the child on stdout, parsed by the parent.
constexpr const char* result_tag = "jobsim-bench-case";

struct BenchArgs {
    std::uint32_t threads = 2;
    std::vector<std::uint32_t> persons{100'000, 1'000'000};
    std::uint32_t weeks = 52;
    std::uint32_t persons_per_area = 2500;
    std::string scenario = std::string(JOBSIM_SOURCE_DIR) + "/scenarios/baseline.yaml";
};

struct BenchCaseArgs {
    ScenarioInput input;
    std::uint32_t threads = 2;
    std::string recorder = "null";
    std::string output;
};

/// What one child reports back.
struct CaseResult {
    double setup_seconds = 0.0;     ///< start of run_scenario to the first replication
    double simulate_seconds = 0.0;  ///< first replication to the end of the run (output included)
    std::uintmax_t file_bytes = 0;
    long peak_rss_kib = 0;  ///< from wait4: this child's own peak
};

/// Forwards to another recorder and notes when simulating starts and ends, so population
/// building is timed apart from the weeks.
class TimingRecorder final : public Recorder {
public:
    explicit TimingRecorder(Recorder& inner) : inner_(inner) {}

    void begin_run(const RunInfo& info) override { inner_.begin_run(info); }
    void begin_replication(std::uint32_t replication, std::uint8_t arm,
                           const World& world) override {
        if (!started_) {
            first_replication_ = Clock::now();
            started_ = true;
        }
        inner_.begin_replication(replication, arm, world);
    }
    void record_week(Week week, const World& world, std::span<const Event> events,
                     std::span<const AreaWeek> areas) override {
        inner_.record_week(week, world, events, areas);
    }
    void end_replication(std::uint32_t replication, std::uint8_t arm, const World& world) override {
        inner_.end_replication(replication, arm, world);
    }
    void record_summary(std::span<const ArmOutcomes> runs,
                        std::span<const ArmSummary> summary) override {
        inner_.record_summary(runs, summary);
    }
    void end_run() override { inner_.end_run(); }

    [[nodiscard]] bool started() const { return started_; }
    [[nodiscard]] Clock::time_point first_replication() const { return first_replication_; }

private:
    Recorder& inner_;
    bool started_ = false;
    Clock::time_point first_replication_;
};

int bench_case(const BenchCaseArgs& args) {
    const Scenario scenario = load_scenario(args.input);
    const RunSpec spec{.seed = scenario.seed, .replications = 1, .threads = args.threads};
    NullRecorder null_recorder;
    std::unique_ptr<output::Hdf5Recorder> hdf5_recorder;
    if (args.recorder == "hdf5") {
        hdf5_recorder = std::make_unique<output::Hdf5Recorder>(
            output::OutputOptions{.path = args.output, .force = true, .command = "jobsim bench"});
    }
    TimingRecorder timing(hdf5_recorder ? static_cast<Recorder&>(*hdf5_recorder)
                                        : static_cast<Recorder&>(null_recorder));
    const Clock::time_point start = Clock::now();
    {
        ProgressLine progress;
        run_scenario(scenario, spec, timing, progress.callback());
    }
    const Clock::time_point end = Clock::now();
    const Clock::time_point simulate_start = timing.started() ? timing.first_replication() : start;

    std::uintmax_t file_bytes = 0;
    if (hdf5_recorder) {
        std::error_code ignored;
        file_bytes = std::filesystem::file_size(args.output, ignored);
        if (file_bytes == static_cast<std::uintmax_t>(-1)) {
            file_bytes = 0;
        }
    }
    std::cout << result_tag << " setup_seconds=" << Seconds(simulate_start - start).count()
              << " simulate_seconds=" << Seconds(end - simulate_start).count()
              << " file_bytes=" << file_bytes << std::endl;
    return exit_success;
}

/// Runs `jobsim bench-case ...` from this very executable and collects its report and peak RSS.
CaseResult run_child(const std::vector<std::string>& arguments) {
    int pipe_ends[2];
    if (pipe(pipe_ends) != 0) {
        throw RunError(message("bench: cannot create a pipe: ", std::strerror(errno)));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addclose(&actions, pipe_ends[0]);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_ends[1]);

    std::vector<std::string> owned = arguments;
    std::vector<char*> argv;
    for (std::string& argument : owned) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    pid_t child = 0;
    const int spawned =
        posix_spawn(&child, "/proc/self/exe", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_ends[1]);
    if (spawned != 0) {
        close(pipe_ends[0]);
        throw RunError(message("bench: cannot start a child process: ", std::strerror(spawned)));
    }

    std::string report;
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(pipe_ends[0], buffer, sizeof buffer);
        if (got > 0) {
            report.append(buffer, static_cast<std::size_t>(got));
        } else if (got == 0 || errno != EINTR) {
            break;
        }
    }
    close(pipe_ends[0]);

    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            throw RunError(message("bench: waiting for a child failed: ", std::strerror(errno)));
        }
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw RunError(message("bench: case failed (",
                               WIFEXITED(status) ? message("exit ", WEXITSTATUS(status))
                                                 : message("signal ", WTERMSIG(status)),
                               "): ", report));
    }

    CaseResult result;
    result.peak_rss_kib = usage.ru_maxrss;  // Linux reports kibibytes
    const std::size_t at = report.find(result_tag);
    if (at == std::string::npos) {
        throw RunError(message("bench: the case printed no result: ", report));
    }
    std::istringstream fields(report.substr(at + std::strlen(result_tag)));
    std::string field;
    while (fields >> field) {
        const std::size_t equals = field.find('=');
        if (equals == std::string::npos) {
            continue;
        }
        const std::string key = field.substr(0, equals);
        const std::string value = field.substr(equals + 1);
        if (key == "setup_seconds") {
            result.setup_seconds = std::stod(value);
        } else if (key == "simulate_seconds") {
            result.simulate_seconds = std::stod(value);
        } else if (key == "file_bytes") {
            result.file_bytes = std::stoull(value);
        }
    }
    return result;
}

/// The value of `key` in a /proc file of "key: value" lines, or "" when absent.
std::string proc_field(const char* file, const std::string& key) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) {
            const std::size_t colon = line.find(':');
            if (colon != std::string::npos) {
                const std::size_t first = line.find_first_not_of(" \t", colon + 1);
                return first == std::string::npos ? "" : line.substr(first);
            }
        }
    }
    return "";
}

std::string machine_description() {
    std::ostringstream text;
    text << "machine: " << std::thread::hardware_concurrency() << " hardware threads";
    const std::string cpu = proc_field("/proc/cpuinfo", "model name");
    text << ", " << (cpu.empty() ? std::string("unknown CPU") : cpu);
    const std::string memory = proc_field("/proc/meminfo", "MemTotal");  // "24589472 kB"
    if (!memory.empty()) {
        text << ", " << fixed(std::stod(memory) / (1024.0 * 1024.0), 1) << " GiB memory";
    }
    return text.str();
}

/// 1234567 -> "1,234,567".
std::string grouped(double value) {
    std::string digits =
        std::to_string(static_cast<unsigned long long>(std::max(value, 0.0) + 0.5));
    for (std::ptrdiff_t at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
        digits.insert(static_cast<std::size_t>(at), 1, ',');
    }
    return digits;
}

int bench(const BenchArgs& args) {
    if (!std::filesystem::exists(args.scenario)) {
        throw UsageError(message("bench: scenario file not found: ", args.scenario));
    }
    std::cout << "jobsim " << JOBSIM_VERSION << " bench (" << JOBSIM_BUILD_TYPE
              << " build): " << args.scenario << ", " << args.weeks << " weeks, no burn-in, "
              << args.threads << " threads, " << args.persons_per_area << " persons per area\n"
              << machine_description() << '\n'
              << "wall s: simulated weeks only (population building is the setup column); "
                 "recorder 'null' keeps nothing, 'hdf5' writes the file (its output cost)\n\n"
              << std::flush;

    TextTable table({"case", "recorder", "persons", "areas", "weeks", "threads", "setup s",
                     "wall s", "person-weeks/s", "per core", "peak RSS MiB", "bytes/person",
                     "file MiB"});
    const std::filesystem::path temp_dir = std::filesystem::temp_directory_path();
    for (const std::uint32_t persons : args.persons) {
        const std::uint32_t areas =
            std::clamp<std::uint32_t>(persons / std::max(1U, args.persons_per_area), 1U, 65000U);
        for (const std::string recorder : {"null", "hdf5"}) {
            const std::filesystem::path file =
                temp_dir / message("jobsim-bench-", getpid(), "-", persons, ".h5");
            std::vector<std::string> arguments{"jobsim",
                                               "bench-case",
                                               args.scenario,
                                               message("--set=population.persons=", persons),
                                               message("--set=population.areas=", areas),
                                               message("--set=weeks=", args.weeks),
                                               "--set=burn_in_weeks=0",
                                               "--set=replications=1",
                                               message("--threads=", args.threads),
                                               "--recorder=" + recorder};
            if (recorder == "hdf5") {
                arguments.push_back("--output=" + file.string());
            }
            CaseResult result;
            try {
                result = run_child(arguments);
            } catch (...) {
                std::filesystem::remove(file);
                throw;
            }
            std::filesystem::remove(file);

            const double person_weeks = static_cast<double>(persons) * args.weeks;
            const double rate =
                result.simulate_seconds > 0.0 ? person_weeks / result.simulate_seconds : 0.0;
            const double rss_bytes = static_cast<double>(result.peak_rss_kib) * 1024.0;
            table.add_row(
                {message("baseline-", persons), recorder, grouped(persons), grouped(areas),
                 message(args.weeks), message(args.threads), fixed(result.setup_seconds, 2),
                 fixed(result.simulate_seconds, 2), grouped(rate), grouped(rate / args.threads),
                 fixed(rss_bytes / (1024.0 * 1024.0), 1), grouped(rss_bytes / persons),
                 recorder == "hdf5"
                     ? fixed(static_cast<double>(result.file_bytes) / (1024.0 * 1024.0), 1)
                     : std::string("-")});
        }
    }
    table.print(std::cout);
    return exit_success;
}

}  // namespace

void add_bench_commands(CLI::App& cli, Action& chosen) {
    CLI::App* command = cli.add_subcommand(
        "bench",
        "Benchmark: person-weeks per second and peak memory of the baseline at several sizes "
        "(each case in a fresh process)");
    command->footer(exit_code_footer());
    auto args = std::make_shared<BenchArgs>();
    command->add_option("--threads", args->threads, "Worker threads")
        ->type_name("N")
        ->check(CLI::Range(1U, 4096U))
        ->capture_default_str();
    command->add_option("--persons", args->persons, "Population sizes, comma-separated")
        ->type_name("LIST")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->check(CLI::Range(1U, 50'000'000U))
        ->capture_default_str();
    command->add_option("--weeks", args->weeks, "Weeks simulated per case")
        ->type_name("W")
        ->check(CLI::Range(1U, 5200U))
        ->capture_default_str();
    command
        ->add_option("--persons-per-area", args->persons_per_area,
                     "Areas are scaled to keep this many persons per area")
        ->type_name("N")
        ->check(CLI::Range(1U, 50'000'000U))
        ->capture_default_str();
    command->add_option("--scenario", args->scenario, "Scenario to benchmark")
        ->type_name("FILE")
        ->capture_default_str();
    command->callback([args, &chosen] { chosen = [args] { return bench(*args); }; });

    // One benchmark case, run by `bench` in a child process; hidden from --help (empty group).
    CLI::App* one_case = cli.add_subcommand("bench-case", "One benchmark case (used by bench)");
    one_case->group("");
    auto case_args = std::make_shared<BenchCaseArgs>();
    add_scenario_input(*one_case, case_args->input);
    one_case->add_option("--threads", case_args->threads, "Worker threads")
        ->check(CLI::Range(1U, 4096U));
    one_case->add_option("--recorder", case_args->recorder, "null or hdf5")
        ->check(CLI::IsMember({"null", "hdf5"}));
    one_case->add_option("--output", case_args->output, "HDF5 file for the hdf5 recorder");
    one_case->callback([case_args, &chosen] {
        chosen = [case_args] {
            if (case_args->recorder == "hdf5" && case_args->output.empty()) {
                throw UsageError("bench-case: --recorder hdf5 needs --output");
            }
            return bench_case(*case_args);
        };
    });
}

}  // namespace jobsim::app
