#include "output/trial_writer.hpp"

#include <span>
#include <sstream>

#include "output/atomic_file.hpp"
#include "output/h5/error.hpp"
#include "output/h5/objects.hpp"
#include "output/provenance.hpp"
#include "sim/scenario/load.hpp"

namespace jobsim::output {

namespace {

constexpr std::uint32_t trial_format_version = 1;
constexpr const char* trial_format_name = "jobsim-trial";

/// One row of /trial/diagnosis: the key and the diagnosis, flat for HDF5.
struct DiagnosisRecord {
    std::uint8_t estimand;
    std::uint8_t estimator;
    std::uint8_t outcome;
    std::uint8_t arm;
    std::uint32_t horizon;
    double saturation;
    std::uint32_t draws;
    double mean_estimate;
    double mean_truth;
    double bias;
    double sd_estimate;
    double rmse;
    double power;
    double coverage;
    double mean_std_error;
    double mde;
    double bias_mc_se;
    double power_mc_se;
    double coverage_mc_se;
    double rmse_mc_se;
};

/// One row of /trial/draws: a replication's estimate beside its truth.
struct DrawRecord {
    std::uint32_t replication;
    std::uint8_t estimand;
    std::uint8_t estimator;
    std::uint8_t outcome;
    std::uint8_t arm;
    std::uint32_t horizon;
    double saturation;
    double estimate;
    double std_error;
    double p_value;
    double ci_low;
    double ci_high;
    double truth;
};

/// One row of /trial/power_curve: a size of trial and its diagnosis.
struct PowerCurveRecord {
    std::uint32_t clusters;
    std::uint32_t persons;
    double mean_clusters;
    double mean_persons;
    std::uint8_t estimand;
    std::uint8_t estimator;
    std::uint8_t outcome;
    std::uint8_t arm;
    std::uint32_t horizon;
    double saturation;
    std::uint32_t draws;
    double mean_estimate;
    double mean_truth;
    double sd_estimate;
    double power;
    double power_mc_se;
    double coverage;
    double mde;
};

template <class Record>
void add_key(h5::Compound<Record>& c) {
    c.add("estimand", &Record::estimand)
        .add("estimator", &Record::estimator)
        .add("outcome", &Record::outcome)
        .add("arm", &Record::arm)
        .add("horizon", &Record::horizon)
        .add("saturation", &Record::saturation);
}

template <class Record>
void set_key(Record& record, const trials::DrawKey& key) {
    record.estimand = static_cast<std::uint8_t>(key.estimand);
    record.estimator = static_cast<std::uint8_t>(key.estimator);
    record.outcome = static_cast<std::uint8_t>(key.outcome);
    record.arm = key.arm;
    record.horizon = key.horizon;
    record.saturation = key.saturation;
}

/// The statistics the diagnosis and the power curve tables share.
template <class Record>
void set_power(Record& record, const analysis::Diagnosis& d) {
    record.draws = static_cast<std::uint32_t>(d.draws);
    record.mean_estimate = d.mean_estimate;
    record.mean_truth = d.mean_truth;
    record.sd_estimate = d.sd_estimate;
    record.power = d.power;
    record.power_mc_se = d.power_mc_se;
    record.coverage = d.coverage;
    record.mde = d.mde;
}

h5::Compound<DiagnosisRecord> diagnosis_layout() {
    h5::Compound<DiagnosisRecord> c;
    add_key(c);
    c.add("draws", &DiagnosisRecord::draws)
        .add("mean_estimate", &DiagnosisRecord::mean_estimate)
        .add("mean_truth", &DiagnosisRecord::mean_truth)
        .add("bias", &DiagnosisRecord::bias)
        .add("sd_estimate", &DiagnosisRecord::sd_estimate)
        .add("rmse", &DiagnosisRecord::rmse)
        .add("power", &DiagnosisRecord::power)
        .add("coverage", &DiagnosisRecord::coverage)
        .add("mean_std_error", &DiagnosisRecord::mean_std_error)
        .add("mde", &DiagnosisRecord::mde)
        .add("bias_mc_se", &DiagnosisRecord::bias_mc_se)
        .add("power_mc_se", &DiagnosisRecord::power_mc_se)
        .add("coverage_mc_se", &DiagnosisRecord::coverage_mc_se)
        .add("rmse_mc_se", &DiagnosisRecord::rmse_mc_se);
    return c;
}

h5::Compound<DrawRecord> draw_layout() {
    h5::Compound<DrawRecord> c;
    c.add("replication", &DrawRecord::replication);
    add_key(c);
    c.add("estimate", &DrawRecord::estimate)
        .add("std_error", &DrawRecord::std_error)
        .add("p_value", &DrawRecord::p_value)
        .add("ci_low", &DrawRecord::ci_low)
        .add("ci_high", &DrawRecord::ci_high)
        .add("truth", &DrawRecord::truth);
    return c;
}

h5::Compound<PowerCurveRecord> power_curve_layout() {
    h5::Compound<PowerCurveRecord> c;
    c.add("clusters", &PowerCurveRecord::clusters)
        .add("persons", &PowerCurveRecord::persons)
        .add("mean_clusters", &PowerCurveRecord::mean_clusters)
        .add("mean_persons", &PowerCurveRecord::mean_persons);
    add_key(c);
    c.add("draws", &PowerCurveRecord::draws)
        .add("mean_estimate", &PowerCurveRecord::mean_estimate)
        .add("mean_truth", &PowerCurveRecord::mean_truth)
        .add("sd_estimate", &PowerCurveRecord::sd_estimate)
        .add("power", &PowerCurveRecord::power)
        .add("power_mc_se", &PowerCurveRecord::power_mc_se)
        .add("coverage", &PowerCurveRecord::coverage)
        .add("mde", &PowerCurveRecord::mde);
    return c;
}

h5::Compound<trials::TimeToWork> time_to_work_layout() {
    h5::Compound<trials::TimeToWork> c;
    c.add("arm", &trials::TimeToWork::arm)
        .add("week", &trials::TimeToWork::week)
        .add("still_out_of_work", &trials::TimeToWork::still_out_of_work);
    return c;
}

h5::Compound<trials::TrialSize> size_layout() {
    h5::Compound<trials::TrialSize> c;
    c.add("replication", &trials::TrialSize::replication)
        .add("enrolled", &trials::TrialSize::enrolled)
        .add("treated", &trials::TrialSize::treated)
        .add("clusters", &trials::TrialSize::clusters);
    return c;
}

/// "0=total,1=direct,..." for a `codes` attribute.
template <std::size_t N>
std::string codes_of(const std::array<std::string_view, N>& names) {
    std::ostringstream out;
    for (std::size_t k = 0; k < N; ++k) {
        out << (k == 0 ? "" : ",") << k << '=' << names[k];
    }
    return out.str();
}

std::string outcome_codes() {
    std::array<std::string_view, trial_outcome_count> names{};
    for (const TrialOutcomeInfo& info : trial_outcomes) {
        names[static_cast<std::size_t>(info.outcome)] = info.name;
    }
    return codes_of(names);
}

/// Writes a fixed-size table of records with its long name; returns it for more attributes.
template <class Record>
h5::Dataset write_plain_table(hid_t parent, const std::string& name,
                              const h5::Compound<Record>& layout, std::span<const Record> rows,
                              const char* long_name) {
    const h5::Datatype stored = layout.file();
    const h5::Datatype in_memory = layout.memory();
    const auto count = static_cast<hsize_t>(rows.size());
    h5::Dataset table = h5::create_dataset(parent, name, stored.get(), h5::Layout::fixed({count}));
    if (count > 0) {
        h5::write_all(table, in_memory.get(), rows.data(), "/trial/" + name);
    }
    h5::set_attribute(table.get(), "long_name", long_name);
    return table;
}

/// A table keyed by estimand, estimator and outcome, with the code lists of those columns.
template <class Record>
void write_table(hid_t parent, const std::string& name, const h5::Compound<Record>& layout,
                 std::span<const Record> rows, const char* long_name) {
    const h5::Dataset table = write_plain_table(parent, name, layout, rows, long_name);
    h5::set_attribute(table.get(), "estimand_codes", codes_of(trials::estimand_names));
    h5::set_attribute(table.get(), "estimator_codes", codes_of(trials::estimator_names));
    h5::set_attribute(table.get(), "outcome_codes", outcome_codes());
}

}  // namespace

struct TrialWriter::Impl {
    OutputOptions options;
    AtomicFile target;

    explicit Impl(OutputOptions o) : options(std::move(o)), target(options.path, options.force) {}
};

TrialWriter::TrialWriter(OutputOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

TrialWriter::~TrialWriter() = default;

void TrialWriter::write(const Scenario& scenario, const RunSpec& spec,
                        const trials::TrialResult& result) {
    const h5::QuietErrors quiet;
    h5::File file = h5::create_file(impl_->target.partial_path());
    const hid_t root = file.get();
    const std::string yaml = scenario::to_yaml(scenario);
    h5::set_attribute(root, "format", trial_format_name);
    h5::set_attribute(root, "format_version", trial_format_version);
    h5::set_attribute(root, "jobsim_version", JOBSIM_VERSION);
    h5::set_attribute(root, "scenario_name", scenario.name);
    h5::set_attribute(root, "scenario_yaml", yaml);
    h5::set_attribute(root, "seed", spec.seed);
    h5::set_attribute(root, "replications", spec.replications);
    h5::set_attribute(root, "design",
                      trial_design_choices[static_cast<std::size_t>(scenario.trial.design)].name);
    h5::set_attribute(root, "command", impl_->options.command);
    h5::set_attribute(root, "threads", spec.threads);
    h5::set_attribute(root, "created_utc", utc_now());
    h5::set_attribute(root, "host", host_name());
    h5::set_attribute(root, "hdf5_version", hdf5_library_version());
    {
        const h5::Group provenance = h5::create_group(root, "provenance");
        h5::write_text_dataset(provenance.get(), "scenario_yaml", yaml);
    }
    std::vector<DiagnosisRecord> diagnosis;
    for (const trials::DiagnosisRow& row : result.diagnosis) {
        const analysis::Diagnosis& d = row.diagnosis;
        DiagnosisRecord record{};
        set_key(record, row.key);
        set_power(record, d);
        record.bias = d.bias;
        record.rmse = d.rmse;
        record.mean_std_error = d.mean_std_error;
        record.bias_mc_se = d.bias_mc_se;
        record.coverage_mc_se = d.coverage_mc_se;
        record.rmse_mc_se = d.rmse_mc_se;
        diagnosis.push_back(record);
    }
    std::vector<DrawRecord> draws;
    draws.reserve(result.draws.size());
    for (const trials::TrialDraw& draw : result.draws) {
        DrawRecord record{};
        record.replication = draw.replication;
        set_key(record, draw.key);
        record.estimate = draw.draw.estimate;
        record.std_error = draw.draw.std_error;
        record.p_value = draw.draw.p_value;
        record.ci_low = draw.draw.ci_low;
        record.ci_high = draw.draw.ci_high;
        record.truth = draw.draw.truth;
        draws.push_back(record);
    }
    std::vector<PowerCurveRecord> power_curve;
    for (const trials::PowerCurveRow& row : result.power_curve) {
        PowerCurveRecord record{};
        record.clusters = row.point.clusters;
        record.persons = row.point.persons;
        record.mean_clusters = row.mean_clusters;
        record.mean_persons = row.mean_persons;
        set_key(record, row.key);
        set_power(record, row.diagnosis);
        power_curve.push_back(record);
    }
    {
        const h5::Group trial = h5::create_group(root, "trial");
        h5::set_attribute(trial.get(), "long_name",
                          "design diagnosis: estimates of each replication's trial against the "
                          "truth from its counterfactual worlds");
        h5::set_attribute(trial.get(), "alpha", scenario.trial.alpha);
        h5::set_attribute(trial.get(), "target_power", scenario.trial.target_power);
        write_table<DiagnosisRecord>(
            trial.get(), "diagnosis", diagnosis_layout(), diagnosis,
            "one row per estimand, estimator, outcome, horizon, arm and saturation");
        write_table<DrawRecord>(trial.get(), "draws", draw_layout(), draws,
                                "one row per replication and diagnosis row");
        write_table<PowerCurveRecord>(
            trial.get(), "power_curve", power_curve_layout(), power_curve,
            "one row per size (clusters, persons per cluster; 0 = all simulated), estimand and "
            "estimator: the primary outcome at the longest horizon in subsamples of each trial");
        write_plain_table<trials::TimeToWork>(
            trial.get(), "time_to_work", time_to_work_layout(), result.time_to_work,
            "Kaplan-Meier share of each arm still out of work each week after enrolment, mean "
            "over replications (realised world, responders at the longest horizon)");
        write_plain_table<trials::TrialSize>(
            trial.get(), "sizes", size_layout(), result.sizes,
            "people enrolled and treated, and clusters, in each replication");
    }
    h5::set_attribute(root, "complete", std::uint8_t{1});
    h5::close(file, impl_->target.partial_path());
    impl_->target.commit();
}

}  // namespace jobsim::output
