// `jobsim bench`: the named benchmark cases of issue 5 (the baseline and the Universal Work
// Service at 1e5 and 1e6 persons, a trial of 100 replications of 20,000 persons, a network-heavy
// baseline, `jobsim run` of 4 replications of 20,000 persons side by side), each reporting
// person-weeks per second per core, the speed-up from 1 to N threads, peak memory and bytes per
// person, and the share of wall time spent writing output. Each run is a fresh child process
// (`jobsim bench-case`, hidden) so its peak resident memory is its own; the child times the
// simulation inside the process (not start-up or loading the scenario), once with a recorder that
// keeps nothing (the model's cost) and once writing HDF5 to a temporary file (adding the output's
// cost) at the output level `jobsim run` writes by default, or the one asked for. Not a test: ctest
// only runs a tiny smoke case of it.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
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
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/null_recorder.hpp"
#include "app/progress.hpp"
#include "app/run_options.hpp"
#include "app/scenario_input.hpp"
#include "app/table.hpp"
#include "output/hdf5_recorder.hpp"
#include "output/trial_writer.hpp"
#include "sim/core/error.hpp"
#include "sim/core/message.hpp"
#include "sim/run/runner.hpp"
#include "sim/state/world.hpp"
#include "sim/trials/trial.hpp"

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
    std::vector<std::string> cases;      ///< named cases; empty: all of them
    bool quick = false;                  ///< every case at a tenth of its persons
    std::string scenario;                ///< ad hoc cases: this scenario ...
    std::vector<std::uint32_t> persons;  ///< ... at these sizes (instead of the named cases)
    std::uint32_t weeks = 52;            ///< weeks of the single-run cases (not the trial)
    std::uint32_t persons_per_area = 2500;
    std::string output_level = "standard";  ///< of the hdf5 runs, passed to each child
    std::uint32_t repeat = 1;               ///< runs of each child; the median time is kept
};

struct BenchCaseArgs {
    ScenarioInput input;
    std::uint32_t threads = 2;
    std::string recorder = "null";
    std::string output;
    OutputLevelArgs level;
    std::uint32_t trial_replications = 0;  ///< 0: one run_scenario; else run_trial this many
};

/// One benchmark case: a scenario at a size, run once (every arm) or as a trial.
struct BenchCase {
    std::string name;
    std::string scenario;  ///< path of the scenario YAML
    std::uint32_t persons = 0;
    std::vector<std::string> overrides;    ///< further "key.path=value" beyond size and weeks
    std::uint32_t trial_replications = 0;  ///< 0: a single run of `--weeks` weeks, no burn-in;
                                           ///< else a trial with the scenario's weeks and burn-in
    std::uint32_t run_replications = 0;    ///< else `jobsim run` of this many replications with
                                           ///< the scenario's weeks and burn-in, side by side as
                                           ///< run picks (sim/run/side_by_side.hpp)
};

/// What one child reports back.
struct CaseResult {
    double setup_seconds = 0.0;     ///< start of run_scenario to the first replication
    double simulate_seconds = 0.0;  ///< first replication to the end of the run (output included)
    double output_seconds = 0.0;    ///< trials: writing the file after simulating
    double person_weeks = 0.0;      ///< burn-in and every arm or world included
    std::uintmax_t file_bytes = 0;
    long peak_rss_kib = 0;  ///< from wait4: this child's own peak
    // The world as the first replication began (single runs only; 0 for trials).
    double person_state_bytes = 0.0;  ///< heap bytes of the persons' columns
    double network_bytes = 0.0;       ///< heap bytes of the network (slots, degrees, area index)
    double network_ties = 0.0;        ///< ties, each counted once (stored at both ends)
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
            measure_state(world);
        }
        inner_.begin_replication(replication, arm, world);
    }
    void record_week(Week week, const World& world, std::span<const Event> events,
                     std::span<const AreaWeek> areas) override {
        inner_.record_week(week, world, events, areas);
    }
    void record_outcomes(std::uint32_t replication, std::uint8_t arm,
                         const ArmOutcomes& outcomes) override {
        inner_.record_outcomes(replication, arm, outcomes);
    }
    void end_replication(std::uint32_t replication, std::uint8_t arm, const World& world) override {
        inner_.end_replication(replication, arm, world);
    }
    void record_summary(std::span<const ArmOutcomes> runs,
                        std::span<const ArmSummary> summary) override {
        inner_.record_summary(runs, summary);
    }
    void end_run() override { inner_.end_run(); }
    /// Lanes are not timed: a run of several replications is timed whole (bench_run).
    [[nodiscard]] std::unique_ptr<ReplicationRecorder> side_by_side() override {
        return inner_.side_by_side();
    }

    [[nodiscard]] bool started() const { return started_; }
    [[nodiscard]] Clock::time_point first_replication() const { return first_replication_; }
    /// The first world's state: persons' and network's heap bytes, and its ties.
    [[nodiscard]] double person_state_bytes() const { return person_state_bytes_; }
    [[nodiscard]] double network_bytes() const { return network_bytes_; }
    [[nodiscard]] double network_ties() const { return network_ties_; }

private:
    template <class Vector>
    static double heap_bytes(const Vector& column) {
        return static_cast<double>(column.capacity() * sizeof(typename Vector::value_type));
    }

    void measure_state(const World& world) {
        // for_each_named_column is not const: it also serves writers of the columns.
        const_cast<Persons&>(world.persons).for_each_column([this](const auto& column) {
            person_state_bytes_ += heap_bytes(column);
        });
        const Network& network = world.network;
        network_bytes_ = heap_bytes(network.slots) + heap_bytes(network.degree) +
                         heap_bytes(network.area_offsets) + heap_bytes(network.area_members);
        double ends = 0.0;
        for (const std::uint8_t degree : network.degree) {
            ends += degree;
        }
        network_ties_ = ends / 2.0;
    }

    Recorder& inner_;
    bool started_ = false;
    Clock::time_point first_replication_;
    double person_state_bytes_ = 0.0;
    double network_bytes_ = 0.0;
    double network_ties_ = 0.0;
};

std::uintmax_t size_of_file(const std::string& path) {
    std::error_code ignored;
    const std::uintmax_t bytes = std::filesystem::file_size(path, ignored);
    return bytes == static_cast<std::uintmax_t>(-1) ? 0 : bytes;
}

/// Prints the child's result line for the parent.
void report(const CaseResult& result) {
    std::cout << result_tag << " setup_seconds=" << result.setup_seconds
              << " simulate_seconds=" << result.simulate_seconds
              << " output_seconds=" << result.output_seconds
              << " person_weeks=" << static_cast<unsigned long long>(result.person_weeks)
              << " file_bytes=" << result.file_bytes
              << " person_state_bytes=" << result.person_state_bytes
              << " network_bytes=" << result.network_bytes
              << " network_ties=" << result.network_ties << std::endl;
}

/// One run_scenario: burn-in, then every arm from the same world, for each of the scenario's
/// replications. With several, building each world is part of the run (side by side, the
/// replications build theirs at the same time), so the whole run is timed as the simulation.
CaseResult bench_run(const Scenario& scenario, const BenchCaseArgs& args) {
    const RunSpec spec{
        .seed = scenario.seed, .replications = scenario.replications, .threads = args.threads};
    NullRecorder null_recorder;
    std::unique_ptr<output::Hdf5Recorder> hdf5_recorder;
    if (args.recorder == "hdf5") {
        hdf5_recorder = std::make_unique<output::Hdf5Recorder>(
            output::OutputOptions{.path = args.output, .force = true, .command = "jobsim bench"},
            output_level(args.level));
    }
    TimingRecorder timing(hdf5_recorder ? static_cast<Recorder&>(*hdf5_recorder)
                                        : static_cast<Recorder&>(null_recorder));
    const Clock::time_point start = Clock::now();
    {
        ProgressLine progress;
        run_scenario(scenario, spec, timing, progress.callback());
    }
    const Clock::time_point end = Clock::now();
    const Clock::time_point simulate_start =
        timing.started() && spec.replications == 1 ? timing.first_replication() : start;

    CaseResult result;
    result.setup_seconds = Seconds(simulate_start - start).count();
    result.simulate_seconds = Seconds(end - simulate_start).count();
    result.person_weeks =
        static_cast<double>(spec.replications) * scenario.population.persons *
        (scenario.burn_in_weeks + static_cast<double>(all_arms(scenario).size()) * scenario.weeks);
    if (hdf5_recorder) {
        result.file_bytes = size_of_file(args.output);
    }
    result.person_state_bytes = timing.person_state_bytes();
    result.network_bytes = timing.network_bytes();
    result.network_ties = timing.network_ties();
    return result;
}

/// One trial: each replication burns in, then runs the realised world and the counterfactual
/// worlds (nobody treated, everybody given each arm: arms + 1 worlds, as in run_trial); then the
/// trial file is written, timed apart.
CaseResult bench_trial(const Scenario& scenario, const BenchCaseArgs& args) {
    const RunSpec spec{
        .seed = scenario.seed, .replications = args.trial_replications, .threads = args.threads};
    auto writer = std::make_unique<output::TrialWriter>(
        output::OutputOptions{.path = args.output, .force = true, .command = "jobsim bench"});
    const Clock::time_point start = Clock::now();
    trials::TrialResult trial;
    {
        ProgressLine progress;
        trial = trials::run_trial(scenario, spec, progress.callback());
    }
    const Clock::time_point simulated = Clock::now();
    writer->write(scenario, spec, trial);
    writer.reset();  // the file is complete once the writer is gone
    const Clock::time_point written = Clock::now();

    const double worlds = static_cast<double>(all_arms(scenario).size()) + 1.0;
    CaseResult result;
    result.simulate_seconds = Seconds(simulated - start).count();
    result.output_seconds = Seconds(written - simulated).count();
    result.person_weeks = static_cast<double>(spec.replications) * scenario.population.persons *
                          (scenario.burn_in_weeks + worlds * scenario.weeks);
    result.file_bytes = size_of_file(args.output);
    return result;
}

int bench_case(const BenchCaseArgs& args) {
    const Scenario scenario = load_scenario(args.input);
    report(args.trial_replications > 0 ? bench_trial(scenario, args) : bench_run(scenario, args));
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
    argv.reserve(owned.size() + 1);
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
        } else if (key == "output_seconds") {
            result.output_seconds = std::stod(value);
        } else if (key == "person_weeks") {
            result.person_weeks = std::stod(value);
        } else if (key == "file_bytes") {
            result.file_bytes = std::stoull(value);
        } else if (key == "person_state_bytes") {
            result.person_state_bytes = std::stod(value);
        } else if (key == "network_bytes") {
            result.network_bytes = std::stod(value);
        } else if (key == "network_ties") {
            result.network_ties = std::stod(value);
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
    std::ifstream load("/proc/loadavg");  // a shared machine: say how busy it was
    std::string one_minute;
    if (load >> one_minute) {
        text << ", load average " << one_minute << " at start";
    }
    return text.str();
}

/// 1234567 -> "1,234,567".
std::string grouped(double value) {
    std::string digits =
        std::to_string(static_cast<unsigned long long>(std::llround(std::max(value, 0.0))));
    for (std::ptrdiff_t at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
        digits.insert(static_cast<std::size_t>(at), 1, ',');
    }
    return digits;
}

std::string scenario_path(const char* file) {
    return std::string(JOBSIM_SOURCE_DIR) + "/scenarios/" + file;
}

/// A case that runs the scenario once, every arm, for `--weeks` weeks.
BenchCase single_run(std::string name, std::string scenario, std::uint32_t persons,
                     std::vector<std::string> overrides = {}) {
    BenchCase c;
    c.name = std::move(name);
    c.scenario = std::move(scenario);
    c.persons = persons;
    c.overrides = std::move(overrides);
    return c;
}

/// The cases issue 5 names. The network case is the baseline at 1e5 persons with 10 ties each.
std::vector<BenchCase> named_cases() {
    const std::string baseline = scenario_path("baseline.yaml");
    const std::string uws = scenario_path("universal_work_service.yaml");
    BenchCase trial =
        single_run("trial-100x20000", scenario_path("trial_personal_budgets.yaml"), 20'000);
    trial.trial_replications = 100;
    BenchCase replications = single_run("replications-4x20000", baseline, 20'000);
    replications.run_replications = 4;
    return {single_run("baseline-1e5", baseline, 100'000),
            single_run("baseline-1e6", baseline, 1'000'000),
            single_run("uws-1e5", uws, 100'000),
            single_run("uws-1e6", uws, 1'000'000),
            trial,
            single_run("network-degree10", baseline, 100'000, {"population.network.mean_ties=10"}),
            replications};
}

/// The named cases `--cases` picks (all when empty).
/// @throws UsageError naming the known cases for an unknown one.
std::vector<BenchCase> pick_named_cases(const std::vector<std::string>& names) {
    std::vector<BenchCase> all = named_cases();  // not const: returned by move
    if (names.empty()) {
        return all;
    }
    std::vector<BenchCase> picked;
    for (const std::string& name : names) {
        const auto found = std::find_if(all.begin(), all.end(),
                                        [&](const BenchCase& c) { return c.name == name; });
        if (found == all.end()) {
            std::string known;
            for (const BenchCase& c : all) {
                known += (known.empty() ? "" : ", ") + c.name;
            }
            throw UsageError(message("bench: unknown case '", name, "'; expected one of ", known));
        }
        picked.push_back(*found);
    }
    return picked;
}

/// `--scenario FILE --persons LIST`: one single-run case per size, named after the file.
std::vector<BenchCase> ad_hoc_cases(const BenchArgs& args) {
    const std::string scenario =
        args.scenario.empty() ? scenario_path("baseline.yaml") : args.scenario;
    if (!std::filesystem::exists(scenario)) {
        throw UsageError(message("bench: scenario file not found: ", scenario));
    }
    const std::vector<std::uint32_t> sizes =
        args.persons.empty() ? std::vector<std::uint32_t>{100'000, 1'000'000} : args.persons;
    const std::string stem = std::filesystem::path(scenario).stem().string();
    std::vector<BenchCase> cases;
    cases.reserve(sizes.size());
    for (const std::uint32_t persons : sizes) {
        cases.push_back(single_run(message(stem, "-", persons), scenario, persons));
    }
    return cases;
}

std::vector<BenchCase> selected_cases(const BenchArgs& args) {
    const bool ad_hoc = !args.scenario.empty() || !args.persons.empty();
    std::vector<BenchCase> cases = ad_hoc ? ad_hoc_cases(args) : pick_named_cases(args.cases);
    if (args.quick) {
        for (BenchCase& c : cases) {
            c.persons = std::max(1U, c.persons / 10);
        }
    }
    return cases;
}

std::uint32_t areas_for(std::uint32_t persons, std::uint32_t persons_per_area) {
    return std::clamp<std::uint32_t>(persons / std::max(1U, persons_per_area), 1U, 65000U);
}

/// The command line of one child: the case at its size, on `threads` threads.
std::vector<std::string> child_arguments(const BenchCase& c, const BenchArgs& args,
                                         std::uint32_t threads, const std::string& recorder,
                                         const std::filesystem::path& file) {
    std::vector<std::string> arguments{
        "jobsim", "bench-case", c.scenario, message("--set=population.persons=", c.persons),
        message("--set=population.areas=", areas_for(c.persons, args.persons_per_area))};
    if (c.run_replications > 0) {
        arguments.push_back(message("--set=replications=", c.run_replications));
    } else if (c.trial_replications == 0) {
        arguments.insert(arguments.end(), {message("--set=weeks=", args.weeks),
                                           "--set=burn_in_weeks=0", "--set=replications=1"});
    } else {
        arguments.push_back(message("--trial-replications=", c.trial_replications));
    }
    for (const std::string& override_text : c.overrides) {
        arguments.push_back("--set=" + override_text);
    }
    arguments.push_back(message("--threads=", threads));
    arguments.push_back("--recorder=" + recorder);
    if (recorder == "hdf5") {
        arguments.push_back("--output=" + file.string());
        arguments.push_back("--output-level=" + args.output_level);
    }
    return arguments;
}

/// Runs one child, removes its temporary file, and notes on stderr what took how long (a full
/// benchmark runs for many minutes).
CaseResult run_case_child(const BenchCase& c, const BenchArgs& args, std::uint32_t threads,
                          const std::string& recorder) {
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() / message("jobsim-bench-", getpid(), ".h5");
    CaseResult result;
    try {
        result = run_child(child_arguments(c, args, threads, recorder, file));
    } catch (...) {
        std::filesystem::remove(file);
        throw;
    }
    std::filesystem::remove(file);
    std::cerr << "bench: " << c.name << ", " << recorder << ", " << threads << " thread"
              << (threads == 1 ? "" : "s") << ": "
              << fixed(result.simulate_seconds + result.output_seconds, 2) << " s\n"
              << std::flush;
    return result;
}

/// A case's figures: the model alone at 1 and N threads, and with HDF5 output at N threads.
struct Measured {
    double person_weeks = 0.0;
    double setup_seconds =
        -1.0;  ///< N threads; -1 when inside the timed run (trials, replications)
    double serial_seconds = 0.0;       ///< the model at 1 thread
    double parallel_seconds = 0.0;     ///< the model at N threads
    double with_output_seconds = 0.0;  ///< N threads, writing HDF5
    long peak_rss_kib = 0;             ///< the largest of the N-thread runs
    std::uintmax_t file_bytes = 0;
    double person_state_bytes = 0.0;  ///< 0 for trials (their worlds are not seen)
    double network_bytes = 0.0;
    double network_ties = 0.0;
};

/// The run of median total time among `runs` (one or more of the same child), with the largest
/// peak memory among them: a shared machine's noise moves single times by 10-15%.
CaseResult median_run(std::vector<CaseResult> runs) {
    const auto total = [](const CaseResult& r) { return r.simulate_seconds + r.output_seconds; };
    long peak = 0;
    for (const CaseResult& run : runs) {
        peak = std::max(peak, run.peak_rss_kib);
    }
    const auto middle = runs.begin() + static_cast<std::ptrdiff_t>(runs.size() / 2);
    std::nth_element(runs.begin(), middle, runs.end(),
                     [&](const CaseResult& a, const CaseResult& b) { return total(a) < total(b); });
    CaseResult median = *middle;
    median.peak_rss_kib = peak;
    return median;
}

/// Runs each child configuration `args.repeat` times, interleaved (so drift in the machine's
/// speed reaches every configuration alike), and keeps the median run of each.
std::vector<CaseResult> repeated(const BenchCase& c, const BenchArgs& args,
                                 const std::vector<std::pair<std::uint32_t, std::string>>& runs) {
    std::vector<std::vector<CaseResult>> results(runs.size());
    for (std::uint32_t k = 0; k < std::max(1U, args.repeat); ++k) {
        for (std::size_t i = 0; i < runs.size(); ++i) {
            results[i].push_back(run_case_child(c, args, runs[i].first, runs[i].second));
        }
    }
    std::vector<CaseResult> medians(results.size());
    std::transform(results.begin(), results.end(), medians.begin(),
                   [](std::vector<CaseResult>& result) { return median_run(std::move(result)); });
    return medians;
}

/// A single run: null recorder at N and 1 threads, HDF5 recorder at N threads (three children;
/// two when N is 1).
Measured measure_run(const BenchCase& c, const BenchArgs& args) {
    std::vector<std::pair<std::uint32_t, std::string>> runs{{args.threads, "null"},
                                                            {args.threads, "hdf5"}};
    if (args.threads != 1) {
        runs.emplace_back(1, "null");
    }
    const std::vector<CaseResult> medians = repeated(c, args, runs);
    const CaseResult& parallel = medians[0];
    const CaseResult& written = medians[1];
    const CaseResult& serial = args.threads == 1 ? parallel : medians[2];
    return {.person_weeks = parallel.person_weeks,
            .setup_seconds = c.run_replications > 1 ? -1.0 : parallel.setup_seconds,
            .serial_seconds = serial.simulate_seconds,
            .parallel_seconds = parallel.simulate_seconds,
            .with_output_seconds = written.simulate_seconds,
            .peak_rss_kib = std::max(parallel.peak_rss_kib, written.peak_rss_kib),
            .file_bytes = written.file_bytes,
            .person_state_bytes = parallel.person_state_bytes,
            .network_bytes = parallel.network_bytes,
            .network_ties = parallel.network_ties};
}

/// A trial writes its file after simulating, so one child per thread count times both.
Measured measure_trial(const BenchCase& c, const BenchArgs& args) {
    std::vector<std::pair<std::uint32_t, std::string>> runs{{args.threads, "hdf5"}};
    if (args.threads != 1) {
        runs.emplace_back(1, "hdf5");
    }
    const std::vector<CaseResult> medians = repeated(c, args, runs);
    const CaseResult& parallel = medians[0];
    const CaseResult& serial = args.threads == 1 ? parallel : medians[1];
    return {.person_weeks = parallel.person_weeks,
            .setup_seconds = -1.0,
            .serial_seconds = serial.simulate_seconds,
            .parallel_seconds = parallel.simulate_seconds,
            .with_output_seconds = parallel.simulate_seconds + parallel.output_seconds,
            .peak_rss_kib = parallel.peak_rss_kib,
            .file_bytes = parallel.file_bytes};
}

/// The peak memory a run of `persons` should stay within: 200 bytes a person plus 64 MiB for the
/// program, its libraries and fixed buffers (issue 5's target at the default output level).
double memory_budget_bytes(std::uint32_t persons) {
    return 200.0 * persons + 64.0 * 1024.0 * 1024.0;
}

/// Person-weeks per second, or 0 for an empty time.
double rate(double person_weeks, double seconds) {
    return seconds > 0.0 ? person_weeks / seconds : 0.0;
}

std::vector<std::string> table_row(const BenchCase& c, const BenchArgs& args, const Measured& m) {
    const double rss_bytes = static_cast<double>(m.peak_rss_kib) * 1024.0;
    const double output_share =
        m.with_output_seconds > 0.0
            ? (m.with_output_seconds - m.parallel_seconds) / m.with_output_seconds
            : 0.0;
    return {c.name,
            grouped(c.persons),
            grouped(areas_for(c.persons, args.persons_per_area)),
            grouped(m.person_weeks),
            m.setup_seconds < 0.0 ? std::string("-") : fixed(m.setup_seconds, 2),
            fixed(m.serial_seconds, 2),
            fixed(m.parallel_seconds, 2),
            grouped(rate(m.person_weeks, m.serial_seconds)),
            grouped(rate(m.person_weeks, m.parallel_seconds) / args.threads),
            fixed(m.parallel_seconds > 0.0 ? m.serial_seconds / m.parallel_seconds : 0.0, 2),
            fixed(100.0 * output_share, 1),
            fixed(rss_bytes / (1024.0 * 1024.0), 1),
            grouped(rss_bytes / c.persons),
            fixed(100.0 * rss_bytes / memory_budget_bytes(c.persons), 0),
            m.person_state_bytes > 0.0 ? fixed(m.person_state_bytes / c.persons, 0) : "-",
            m.network_ties > 0.0 ? fixed(m.network_bytes / m.network_ties, 1) : "-",
            fixed(static_cast<double>(m.file_bytes) / (1024.0 * 1024.0), 1)};
}

/// "baseline: 10.0x the person-weeks in 9.6x the time" for every X-1e5 measured beside X-1e6:
/// the check that cost grows linearly with the work.
void print_scaling(std::ostream& out, const std::vector<BenchCase>& cases,
                   const std::vector<Measured>& measured) {
    const std::string small_suffix = "-1e5";
    for (std::size_t small = 0; small < cases.size(); ++small) {
        const std::string& name = cases[small].name;
        if (name.size() <= small_suffix.size() ||
            name.compare(name.size() - small_suffix.size(), small_suffix.size(), small_suffix) !=
                0) {
            continue;
        }
        const std::string stem = name.substr(0, name.size() - small_suffix.size());
        for (std::size_t large = 0; large < cases.size(); ++large) {
            if (cases[large].name == stem + "-1e6" && measured[small].parallel_seconds > 0.0) {
                out << "scaling " << name << " -> " << cases[large].name << ": "
                    << fixed(measured[large].person_weeks / measured[small].person_weeks, 1)
                    << "x the person-weeks in "
                    << fixed(measured[large].parallel_seconds / measured[small].parallel_seconds, 1)
                    << "x the model's wall time\n";
            }
        }
    }
}

int bench(const BenchArgs& args) {
    const std::vector<BenchCase> cases = selected_cases(args);
    const std::string n = message(args.threads);
    std::cout << "jobsim " << JOBSIM_VERSION << " bench (" << JOBSIM_BUILD_TYPE << " build): 1 and "
              << n << " threads, " << args.persons_per_area << " persons per area"
              << (args.quick ? ", --quick: persons / 10" : "") << '\n'
              << machine_description() << '\n'
              << "runs: " << args.weeks
              << " weeks, no burn-in, every arm; trials: the scenario's burn-in + weeks x "
                 "(arms + 1) worlds per replication; replications-*: `jobsim run` of the "
                 "scenario's burn-in + weeks, every arm, replications side by side as run picks\n"
              << "wall s: the simulation only (population building is setup s); the model with "
                 "a recorder that keeps nothing; output % = (wall with HDF5 - model) / wall "
                 "with HDF5 at "
              << n << " threads, output level " << args.output_level
              << " (trials: the trial file); peak memory: the largest " << n
              << "-thread run; budget %: peak / (200 B x persons + 64 MiB); state B/person: the "
                 "persons' columns; network B/tie: the network's bytes (slots, degrees, area "
                 "index) per tie, each tie stored at both ends; times: the median of "
              << args.repeat << " run" << (args.repeat == 1 ? "" : "s") << " of each\n\n"
              << std::flush;

    TextTable table({"case", "persons", "areas", "person-weeks", "setup s", "wall s @1",
                     "wall s @" + n, "pw/s/core @1", "pw/s/core @" + n, "speed-up", "output %",
                     "peak MiB", "bytes/person", "budget %", "state B/person", "network B/tie",
                     "file MiB"});
    std::vector<Measured> measured;
    for (const BenchCase& c : cases) {
        measured.push_back(c.trial_replications > 0 ? measure_trial(c, args)
                                                    : measure_run(c, args));
        table.add_row(table_row(c, args, measured.back()));
    }
    table.print(std::cout);
    print_scaling(std::cout, cases, measured);
    return exit_success;
}

}  // namespace

void add_bench_commands(CLI::App& cli, Action& chosen) {
    CLI::App* command = cli.add_subcommand(
        "bench",
        "Benchmark: person-weeks per second per core, speed-up from 1 to N threads, peak memory "
        "and output share of the named cases (each run in a fresh process)");
    command->footer(exit_code_footer());
    auto args = std::make_shared<BenchArgs>();
    std::string case_names;
    for (const BenchCase& c : named_cases()) {
        case_names += (case_names.empty() ? "" : ",") + c.name;
    }
    CLI::Option* cases =
        command
            ->add_option("--cases", args->cases,
                         "Named cases to run, comma-separated (default: all): " + case_names)
            ->type_name("NAME,...")
            ->delimiter(',')
            ->allow_extra_args(false);
    command->add_flag("--quick", args->quick,
                      "Every case at a tenth of its persons (a smoke test)");
    command->add_option("--threads", args->threads, "Worker threads (each case also runs at 1)")
        ->type_name("N")
        ->check(CLI::Range(1U, 4096U))
        ->capture_default_str();
    command
        ->add_option("--weeks", args->weeks,
                     "Weeks simulated per single-run case (trials keep their scenario's weeks)")
        ->type_name("W")
        ->check(CLI::Range(1U, 5200U))
        ->capture_default_str();
    command
        ->add_option("--persons-per-area", args->persons_per_area,
                     "Areas are scaled to keep this many persons per area")
        ->type_name("N")
        ->check(CLI::Range(1U, 50'000'000U))
        ->capture_default_str();
    command
        ->add_option("--scenario", args->scenario,
                     "Instead of the named cases: this scenario at each --persons size")
        ->type_name("FILE")
        ->excludes(cases);
    command
        ->add_option("--persons", args->persons,
                     "Instead of the named cases: these sizes (default 100000,1000000) of "
                     "--scenario (default the baseline)")
        ->type_name("LIST")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->check(CLI::Range(1U, 50'000'000U))
        ->excludes(cases);
    command
        ->add_option("--output-level", args->output_level,
                     "Output level of the runs writing HDF5 (as `jobsim run --output-level`)")
        ->type_name("LEVEL")
        ->check(CLI::IsMember(output_level_names()))
        ->capture_default_str();
    command
        ->add_option("--repeat", args->repeat,
                     "Runs of each measurement (interleaved); the median is reported")
        ->check(CLI::Range(1, 99))
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
    add_output_level_options(*one_case, case_args->level);
    one_case->add_option("--trial-replications", case_args->trial_replications,
                         "Run the scenario's trial with this many replications (writes --output)");
    one_case->callback([case_args, &chosen] {
        chosen = [case_args] {
            const bool writes = case_args->recorder == "hdf5" || case_args->trial_replications > 0;
            if (writes && case_args->output.empty()) {
                throw UsageError(
                    "bench-case: --recorder hdf5 and --trial-replications need --output");
            }
            return bench_case(*case_args);
        };
    });
}

}  // namespace jobsim::app
