// The HDF5 recorder: one group per replication with trajectories written a week (row) at a time,
// appended event and area tables, and the person table at the end; the output level decides which
// of these are written and whose trajectories. Layout and codes: output/SCHEMA.md. All HDF5 calls
// happen on the caller's thread.
//
// Surviving a crash: each replication (all its arms) is written to its own small file in the
// partial-output folder (output/partial_run.hpp), closed, synced and renamed when finished; the
// output file is assembled from them at the end (H5Ocopy: chunks are copied as stored, never
// recompressed) and renamed into place. A file that is never open while the process could die
// cannot be corrupted by the death: SIGKILL at any instant leaves every finished replication whole,
// and --resume continues from them. One file flushed as it grows would not do: a crash during a
// flush, or a metadata cache eviction while writing, can leave it unreadable, and SWMR (which
// survives crashes) cannot create the group each replication needs once writing has started.
#include "output/hdf5_recorder.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include "output/atomic_file.hpp"
#include "output/codes.hpp"
#include "output/h5/appended_table.hpp"
#include "output/h5/error.hpp"
#include "output/h5/filters.hpp"
#include "output/h5/objects.hpp"
#include "output/h5/recorded_types.hpp"
#include "output/partial_run.hpp"
#include "output/person_row.hpp"
#include "output/provenance.hpp"
#include "sim/core/error.hpp"
#include "sim/core/message.hpp"
#include "sim/scenario/load.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/state/world.hpp"

#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace jobsim::output {

namespace {

constexpr std::uint32_t format_version = 1;
constexpr const char* format_name = "jobsim-output";

/// One [weeks, persons] variable: where its values come from and how it is described.
struct Trajectory {
    const char* name;
    const char* long_name;
    const char* units;
    std::string codes;  ///< empty when the values are not codes
    std::size_t element_bytes;
    h5::Datatype (*memory_type)();
    h5::Datatype (*file_type)();
    const void* (*column)(const Persons&);
    void (*fill)(void*);  ///< writes the value unrecorded weeks read as
};

template <class T>
struct Stored {
    using type = T;
};
template <class T>
requires std::is_enum_v<T>
struct Stored<T> {
    using type = std::underlying_type_t<T>;
};

/// Builds a Trajectory for one Persons column (e.g. &Persons::status).
template <auto Column>
Trajectory trajectory(const char* name, const char* long_name, const char* units,
                      std::string codes = {}) {
    using Element =
        typename std::remove_cvref_t<decltype(std::declval<Persons>().*Column)>::value_type;
    using Value = typename Stored<Element>::type;
    return Trajectory{
        name,
        long_name,
        units,
        std::move(codes),
        sizeof(Element),
        &h5::h5_type<Element>::memory,
        &h5::h5_type<Element>::file,
        [](const Persons& persons) -> const void* { return (persons.*Column).data(); },
        [](void* out) {
            // Unwritten rows are NaN or the type's maximum, never a valid code.
            Value fill{};
            if constexpr (std::is_floating_point_v<Value>) {
                fill = std::numeric_limits<Value>::quiet_NaN();
            } else {
                fill = std::numeric_limits<Value>::max();
            }
            *static_cast<Value*>(out) = fill;
        },
    };
}

/// The recorded trajectories, in file order.
const std::vector<Trajectory>& trajectories() {
    static const std::vector<Trajectory> all = {
        trajectory<&Persons::status>("status", "labour market status", "code",
                                     labour_status_codes()),
        trajectory<&Persons::claim>("claim", "benefit claim state", "code", claim_state_codes()),
        trajectory<&Persons::wage_per_hour>("wage_per_hour",
                                            "hourly wage of the current or last job", "GBP/hour"),
        trajectory<&Persons::hours_per_week>(
            "hours_per_week", "contracted hours of the current or last job", "hours/week"),
        trajectory<&Persons::low_paid>("low_paid",
                                       "hourly wage below two thirds of the initial median", "code",
                                       "0=not low paid,1=low paid"),
        trajectory<&Persons::applications>("applications", "job applications sent this week",
                                           "applications/week"),
        trajectory<&Persons::spell_weeks>("spell_weeks", "weeks in the current spell out of work",
                                          "weeks"),
        trajectory<&Persons::search_effort>(
            "search_effort", "job search effort (1 = no barriers, new spell, average disposition)",
            "1"),
        trajectory<&Persons::trust>("trust", "trust in the employment service (0-1)", "1"),
        trajectory<&Persons::alliance>("alliance", "working alliance with the coach (0-1)", "1"),
        trajectory<&Persons::confidence>("confidence", "self-confidence (0-1)", "1"),
        trajectory<&Persons::wellbeing>("wellbeing", "life satisfaction (0-10)", "1"),
        trajectory<&Persons::loneliness>("loneliness", "loneliness (0-1)", "1"),
        trajectory<&Persons::debt_gbp>("debt_gbp", "arrears and borrowing", "GBP"),
    };
    return all;
}

/// The persons of one trajectory chunk (its weeks are the writer's week_chunks_week onwards).
struct RowChunk {
    std::size_t variable;  ///< index into trajectories()
    hsize_t first_person;
    hsize_t persons;
};

/// Weeks a chunk of a panel's trajectories holds: compressing eight weeks at once is 1.3-2x
/// faster than one (zlib's fixed cost per call, and runs across weeks), the file is smaller, and
/// a person's path is read from 7 chunks instead of 52. Everyone's trajectories (`full`) stay one
/// week a chunk: eight weeks of everyone would be kept in memory.
constexpr hsize_t panel_chunk_weeks = 8;

/// Per-person totals the recorder accumulates over the recorded weeks, in 16 bits (10 of a run's
/// ~250 bytes a person at 1e6 persons, not 20): a run records at most 5200 weeks (scenario
/// validation), and hires, separations and sanctions come about once a week at most. The counts
/// saturate rather than wrap, should a person ever pass 65535; the table stores them as u32.
/// The weekly ones are columns of their own, so counting them is a loop the compiler vectorises.
struct Counts {
    std::vector<std::uint16_t> weeks_employed;
    std::vector<std::uint16_t> weeks_claiming;
    struct Events {
        std::uint16_t hires = 0;
        std::uint16_t separations = 0;
        std::uint16_t sanctions = 0;
    };
    std::vector<Events> events;

    void assign(std::uint32_t persons) {
        weeks_employed.assign(persons, 0);
        weeks_claiming.assign(persons, 0);
        events.assign(persons, Events{});
    }
};

/// Persons a block of the weekly counting loop takes: it is a few instructions a person.
constexpr std::uint32_t count_block = 1U << 16;

/// counts[p] + 1 for each p in [begin, end) where `column[p] == value` is `equal`, saturating.
template <class Value>
void count_weeks(std::vector<std::uint16_t>& counts, const std::vector<Value>& column, Value value,
                 bool equal, std::uint32_t begin, std::uint32_t end) {
    constexpr std::uint16_t most = std::numeric_limits<std::uint16_t>::max();
    std::uint16_t* count = counts.data();
    const Value* in = column.data();
    for (std::uint32_t p = begin; p < end; ++p) {
        const bool add = (in[p] == value) == equal && count[p] != most;
        count[p] = static_cast<std::uint16_t>(count[p] + (add ? 1 : 0));
    }
}

/// count + 1, saturating at the type's maximum.
void count_one(std::uint16_t& count) {
    count = static_cast<std::uint16_t>(
        count + (count != std::numeric_limits<std::uint16_t>::max() ? 1 : 0));
}

/// Everything open while one replication is being recorded.
struct Replication {
    std::uint32_t index = 0;
    std::uint32_t persons = 0;
    std::vector<std::uint32_t> panel;  ///< person ids with trajectories, ascending
    bool per_person = false;           ///< false at the summary level: attributes only
    std::uint32_t weeks_recorded = 0;
    std::uint8_t arm = 0;
    std::string name;  ///< "/arms/<arm>/replications/<r>", for messages
    h5::Group group;
    h5::Group trajectory_group;
    h5::Dataset week_scale;
    h5::Dataset person_scale;
    std::vector<h5::Dataset> trajectory_sets;
    std::vector<hsize_t> trajectory_chunk_persons;  ///< persons per chunk, by variable
    hsize_t trajectory_chunk_weeks = 1;             ///< weeks per chunk (panel_chunk_weeks)
    /// A panel's gathered values of the weeks since the last full chunk of weeks, by variable:
    /// row r (week week_chunks_week + r) holds the panel's values, panel.size() of them.
    std::vector<std::vector<std::byte>> panel_weeks;
    hsize_t panel_weeks_held = 0;
    h5::AppendedTable events;
    h5::AppendedTable area_series;
    Counts counts;
    // Trajectory chunks waiting to be stored: the last recorded week's, filtered already, or (a
    // panel, when a chunk's weeks are all taken) the gathered values, filtered by
    // store_week_chunks. week_chunks_week is their first week.
    hsize_t week_chunks_week = 0;
    std::vector<RowChunk> week_chunks;
    std::vector<std::vector<std::byte>> week_chunk_bytes;
    bool week_chunks_filtered = false;
};

/// `values` as a dimension scale dataset.
h5::Dataset scale_dataset(hid_t parent, const std::string& name,
                          const std::vector<std::uint32_t>& values, const char* long_name) {
    const h5::Datatype stored = h5::h5_type<std::uint32_t>::file();
    const h5::Datatype in_memory = h5::h5_type<std::uint32_t>::memory();
    const auto n = static_cast<hsize_t>(values.size());
    h5::Dataset scale = h5::create_dataset(parent, name, stored.get(), h5::Layout::fixed({n}));
    if (n > 0) {
        h5::write_all(scale, in_memory.get(), values.data(), name);
    }
    h5::make_scale(scale, name);
    h5::set_attribute(scale.get(), "long_name", long_name);
    return scale;
}

/// An empty, extendible, compressed table of T; `owner` names the parent in messages.
template <class T>
h5::AppendedTable create_table(hid_t parent, const std::string& name, const std::string& owner) {
    const h5::Datatype stored = h5::h5_type<T>::file();
    const std::size_t row_bytes = H5Tget_size(stored.get());
    const hsize_t rows_per_chunk = h5::chunk_length(std::numeric_limits<hsize_t>::max(), row_bytes);
    h5::Layout layout = h5::Layout::fixed({0});
    layout.max_dims = {H5S_UNLIMITED};
    layout.chunk = {rows_per_chunk};
    return {h5::create_dataset(parent, name, stored.get(), layout), h5::h5_type<T>::memory(),
            h5::h5_type<T>::file(), owner + "/" + name};
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& item : items) {
        out += (out.empty() ? "" : separator) + item;
    }
    return out;
}

void write_outcome_table(hid_t parent, const std::string& name, std::span<const ArmOutcomes> rows,
                         const char* long_name, const std::vector<std::string>& arm_names) {
    const h5::Datatype stored = h5::h5_type<ArmOutcomes>::file();
    const h5::Datatype in_memory = h5::h5_type<ArmOutcomes>::memory();
    const auto count = static_cast<hsize_t>(rows.size());
    const h5::Dataset table =
        h5::create_dataset(parent, name, stored.get(), h5::Layout::fixed({count}));
    if (count > 0) {
        h5::write_all(table, in_memory.get(), rows.data(), "/summary/" + name);
    }
    h5::set_attribute(table.get(), "long_name", long_name);
    h5::set_attribute(table.get(), "arm_names", join(arm_names, ","));
}

/// The attributes every replication of a run shares, fixed by begin_run.
struct RunLayout {
    LevelOptions level;
    std::uint32_t weeks = 0;             ///< recorded weeks per replication
    std::vector<std::string> arm_names;  ///< indexed by arm
};

/// Writes replications one after another, each (all its arms) to its own file in the
/// partial-output folder, closed, synced and renamed when its last arm ends. The recorder has one
/// for its own calls, and each side-by-side lane (Hdf5Recorder::side_by_side) one more: several
/// replications are then written at once, each by one thread at a time, and the thread-safe HDF5
/// library serialises their calls.
struct ReplicationWriter {
    const RunLayout& layout;
    const PartialRun& partial;
    std::string output;  ///< the output's name, for messages
    // The replication being written.
    h5::File replication_file;
    std::uint32_t replication_index = 0;
    std::vector<h5::Group> replication_groups;      ///< its /arms/<arm>/replications, by arm
    std::vector<ArmOutcomes> replication_outcomes;  ///< by arm, as record_outcomes gave them
    std::optional<Replication> current;             ///< the arm being recorded
    // The last week's writes (start_week_writes), and the arena they run in.
    tbb::task_group writes;
    std::optional<tbb::task_arena> writes_arena;
    bool writing = false;

    ReplicationWriter(const RunLayout& run_layout, const PartialRun& partial_run,
                      std::string output_name)
        : layout(run_layout), partial(partial_run), output(std::move(output_name)) {}

    /// Whether an arm of a replication is being recorded (begin_replication .. end_replication).
    [[nodiscard]] bool open() const { return current.has_value(); }

    void expect(bool in_replication, const char* call) const {
        if (open() != in_replication) {
            throw RunError(
                message("Hdf5Recorder::", call, " called out of order for '", output, "'"));
        }
    }

    /// After a failure or a stop: closes what is open and removes the unfinished replication's
    /// file. Never throws.
    void abandon() noexcept {
        current.reset();
        replication_groups.clear();
        if (replication_file) {
            replication_file.reset();
            std::error_code ignored;
            std::filesystem::remove(partial.replication_temp(replication_index), ignored);
        }
    }

    /// Starts replication `r`'s own file, with the /arms/<arm>/replications groups of the output.
    void open_replication_file(std::uint32_t r) {
        replication_index = r;
        replication_outcomes.clear();
        replication_file = h5::create_file(partial.replication_temp(r));
        const hid_t root = replication_file.get();
        h5::set_attribute(root, "replication", r);
        h5::set_attribute(root, "complete", std::uint8_t{0});
        const h5::Group arms = h5::create_group(root, "arms");
        for (const std::string& name : layout.arm_names) {
            const h5::Group arm = h5::create_group(arms.get(), name);
            replication_groups.push_back(h5::create_group(arm.get(), "replications"));
        }
    }

    /// Stores the outcomes by arm (for --resume), marks the file complete, closes it and renames
    /// it to its final name in the folder.
    void close_replication_file() {
        if (replication_outcomes.size() != layout.arm_names.size()) {
            throw RunError(message("Hdf5Recorder: replication ", replication_index,
                                   " has outcomes ", "of ", replication_outcomes.size(),
                                   " arms, not ", layout.arm_names.size()));
        }
        const hid_t root = replication_file.get();
        write_outcome_table(root, "outcomes", replication_outcomes,
                            "one row per arm: this replication's outcomes", layout.arm_names);
        h5::set_attribute(root, "complete", std::uint8_t{1});
        replication_groups.clear();
        h5::close(replication_file, partial.replication_temp(replication_index));
        partial.commit_replication(replication_index);
    }

    void begin_replication(std::uint32_t index, std::uint8_t arm, const World& world) {
        expect(false, "begin_replication");
        if (arm >= layout.arm_names.size()) {
            throw RunError(message("Hdf5Recorder::begin_replication: arm ", int{arm},
                                   " was not announced at begin_run (", layout.arm_names.size(),
                                   " arms)"));
        }
        Replication rep;
        rep.index = index;
        rep.arm = arm;
        rep.persons = world.persons.size();
        rep.panel = trajectory_panel(layout.level, rep.persons);
        rep.per_person = layout.level.level != OutputLevel::summary;
        rep.name = message("/arms/", layout.arm_names[arm], "/replications/", index);

        if (arm == 0) {
            open_replication_file(index);
        } else if (!replication_file || replication_index != index) {
            throw RunError(message("Hdf5Recorder::begin_replication(", index, ", arm ", int{arm},
                                   ") before its arm 0"));
        }
        const std::string group_name = std::to_string(index);
        rep.group = h5::create_group(replication_groups[arm].get(), group_name);
        const hid_t group = rep.group.get();
        h5::set_attribute(group, "replication", index);
        h5::set_attribute(group, "arm", layout.arm_names[arm]);
        h5::set_attribute(group, "weeks", layout.weeks);
        h5::set_attribute(group, "persons", rep.persons);
        h5::set_attribute(group, "complete", std::uint8_t{0});
        if (rep.per_person) {
            create_per_person_datasets(rep);
        }
        current = std::move(rep);
    }

    /// The week and person scales, the trajectories of the panel, and the event and area tables.
    void create_per_person_datasets(Replication& rep) const {
        const hid_t group = rep.group.get();
        std::vector<std::uint32_t> week_numbers(layout.weeks);
        std::iota(week_numbers.begin(), week_numbers.end(), 0U);
        rep.week_scale =
            scale_dataset(group, "week", week_numbers, "recorded week (0 = first after burn-in)");
        // Holds the panel's ids, so a trajectory's columns stay labelled by person.
        rep.person_scale = scale_dataset(group, "person", rep.panel, "person id");
        rep.counts.assign(rep.persons);

        rep.trajectory_group = h5::create_group(group, "trajectories");
        const auto width = static_cast<hsize_t>(rep.panel.size());
        const bool everyone = rep.panel.size() == rep.persons;
        rep.trajectory_chunk_weeks =
            everyone ? 1 : std::clamp<hsize_t>(layout.weeks, 1, panel_chunk_weeks);
        for (const Trajectory& variable : trajectories()) {
            const hsize_t chunk_persons =
                h5::chunk_length(width, variable.element_bytes * rep.trajectory_chunk_weeks);
            rep.trajectory_sets.push_back(create_trajectory(rep, variable, chunk_persons));
            rep.trajectory_chunk_persons.push_back(chunk_persons);
            if (!everyone) {
                rep.panel_weeks.emplace_back(rep.trajectory_chunk_weeks * width *
                                             variable.element_bytes);
            }
        }
        rep.events = create_table<Event>(group, "events", rep.name);
        set_event_attributes(rep.events.dataset().get());
        rep.area_series = create_table<AreaWeek>(group, "area_series", rep.name);
        h5::set_attribute(rep.area_series.dataset().get(), "long_name",
                          "weekly aggregates per area, one row per (week, area)");
    }

    h5::Dataset create_trajectory(const Replication& rep, const Trajectory& variable,
                                  hsize_t chunk_persons) const {
        const h5::Datatype stored = variable.file_type();
        const h5::Datatype in_memory = variable.memory_type();
        std::array<std::byte, 8> fill{};
        variable.fill(fill.data());
        const auto width = static_cast<hsize_t>(rep.panel.size());
        h5::Layout shape = h5::Layout::fixed({layout.weeks, width});
        if (layout.weeks > 0 && width > 0) {
            shape.chunk = {rep.trajectory_chunk_weeks, chunk_persons};
        }
        shape.fill = fill.data();
        shape.fill_type = in_memory.get();
        h5::Dataset dataset =
            h5::create_dataset(rep.trajectory_group.get(), variable.name, stored.get(), shape);
        const hid_t id = dataset.get();
        h5::set_attribute(id, "long_name", variable.long_name);
        h5::set_attribute(id, "units", variable.units);
        if (!variable.codes.empty()) {
            h5::set_attribute(id, "codes", variable.codes);
        }
        const std::string full_name = rep.name + "/trajectories/" + variable.name;
        h5::attach_scale(dataset, rep.week_scale, 0, full_name);
        h5::attach_scale(dataset, rep.person_scale, 1, full_name);
        return dataset;
    }

    static void set_event_attributes(hid_t events) {
        h5::set_attribute(events, "long_name", "event log, sorted by week then kind then person");
        h5::set_attribute(events, "kind_codes", event_kind_codes());
        h5::set_attribute(events, "detail_codes", event_detail_codes());
        h5::set_attribute(events, "other_meaning", event_other_meaning());
        h5::set_attribute(events, "value_meaning", event_value_meaning());
    }

    void check_world(const Replication& rep, const World& world, const char* call) const {
        if (world.persons.size() != rep.persons) {
            throw RunError(message("Hdf5Recorder::", call, ": the world has ", world.persons.size(),
                                   " persons but replication ", rep.index, " began with ",
                                   rep.persons));
        }
    }

    void record_week(Week week, const World& world, std::span<const Event> events,
                     std::span<const AreaWeek> areas) {
        expect(true, "record_week");
        Replication& rep = *current;
        check_world(rep, world, "record_week");
        if (week != rep.weeks_recorded || week >= layout.weeks) {
            throw RunError(message("Hdf5Recorder::record_week: got week ", week, ", expected week ",
                                   rep.weeks_recorded, " of ", layout.weeks, " recorded weeks"));
        }
        if (!rep.per_person) {
            ++rep.weeks_recorded;
            return;
        }
        const Persons& persons = world.persons;

        // Each person's counts are their own: counted in parallel (within the run's --threads).
        tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, rep.persons, count_block),
                          [&](const tbb::blocked_range<std::uint32_t>& range) {
                              count_weeks(rep.counts.weeks_employed, persons.status,
                                          LabourStatus::employed, true, range.begin(), range.end());
                              count_weeks(rep.counts.weeks_claiming, persons.claim,
                                          ClaimState::none, false, range.begin(), range.end());
                          });
        for (const Event& event : events) {
            const std::uint32_t p = index(event.person);
            if (p >= rep.persons) {
                throw RunError(message("Hdf5Recorder::record_week: an event names person ", p,
                                       " but the world has ", rep.persons));
            }
            Counts::Events& c = rep.counts.events[p];
            switch (event.kind) {
                case EventKind::hire:
                    count_one(c.hires);
                    break;
                case EventKind::separation:
                    count_one(c.separations);
                    break;
                case EventKind::sanction:
                    count_one(c.sanctions);
                    break;
                default:
                    break;
            }
        }

        // The schema promises the log in event_order; the engine sorts already, so this rarely
        // copies.
        std::vector<Event> sorted;
        if (!std::is_sorted(events.begin(), events.end(), event_order)) {
            sorted.assign(events.begin(), events.end());
            std::sort(sorted.begin(), sorted.end(), event_order);
            events = sorted;
        }
        rep.events.append(events.data(), events.size());
        rep.area_series.append(areas.data(), areas.size());
        take_week_trajectories(rep, week, persons, layout.weeks);
        ++rep.weeks_recorded;
    }

    /// Takes week `week` of every trajectory while the world holds it. Everyone's (`full`): a row
    /// is whole chunks (one week deep), so each chunk is compressed here, in parallel, from the
    /// columns as they stand, and stored as is by store_week_chunks (deflate was most of the
    /// output's cost when HDF5 compressed the chunks one at a time on this thread). A panel's
    /// values are only gathered here (a few bytes a panel member); once a chunk's weeks are all
    /// taken they are compressed with that week's other writes.
    static void take_week_trajectories(Replication& rep, Week week, const Persons& persons,
                                       hsize_t weeks) {
        static_assert(std::endian::native == std::endian::little,
                      "chunks are stored unconverted and the file types are little-endian");
        const std::vector<Trajectory>& variables = trajectories();
        if (rep.panel.size() != rep.persons) {
            const std::size_t width = rep.panel.size();
            const hsize_t row = rep.panel_weeks_held;
            tbb::parallel_for(std::size_t{0}, variables.size(), [&](std::size_t v) {
                const std::size_t bytes = variables[v].element_bytes;
                const auto* column = static_cast<const std::byte*>(variables[v].column(persons));
                std::byte* out = rep.panel_weeks[v].data() + row * width * bytes;
                for (std::size_t k = 0; k < width; ++k) {
                    std::memcpy(out + k * bytes, column + std::size_t{rep.panel[k]} * bytes, bytes);
                }
            });
            ++rep.panel_weeks_held;
            if (rep.panel_weeks_held == rep.trajectory_chunk_weeks || week + 1 == weeks) {
                take_panel_chunks(rep, week + 1 - rep.panel_weeks_held, weeks);
            }
            return;
        }
        list_chunks(rep, week);
        rep.week_chunks_filtered = true;
        tbb::parallel_for(std::size_t{0}, rep.week_chunks.size(), [&](std::size_t i) {
            const RowChunk& chunk = rep.week_chunks[i];
            const Trajectory& variable = variables[chunk.variable];
            const std::size_t bytes = variable.element_bytes;
            const auto* column = static_cast<const std::byte*>(variable.column(persons));
            rep.week_chunk_bytes[i] =
                h5::filter_chunk({column + chunk.first_person * bytes, chunk.persons * bytes},
                                 bytes, rep.trajectory_chunk_persons[chunk.variable] * bytes);
        });
    }

    /// Lists every trajectory chunk of the weeks from `first_week` for store_week_chunks.
    static void list_chunks(Replication& rep, hsize_t first_week) {
        const auto width = static_cast<hsize_t>(rep.panel.size());
        rep.week_chunks.clear();
        for (std::size_t v = 0; v < trajectories().size(); ++v) {
            const hsize_t length = rep.trajectory_chunk_persons[v];
            for (hsize_t first = 0; first < width; first += length) {
                rep.week_chunks.push_back({v, first, std::min<hsize_t>(length, width - first)});
            }
        }
        rep.week_chunks_week = first_week;
        rep.week_chunk_bytes.assign(rep.week_chunks.size(), {});
    }

    /// Lays the panel's held weeks (from `first_week`) out as chunks, row by row, for
    /// store_week_chunks to compress. A chunk row of a week inside the table but not recorded (a
    /// replication that ended early) holds the fill value; rows past the table are left out.
    static void take_panel_chunks(Replication& rep, hsize_t first_week, hsize_t weeks) {
        const std::vector<Trajectory>& variables = trajectories();
        const std::size_t width = rep.panel.size();
        const hsize_t held = rep.panel_weeks_held;
        const hsize_t rows = std::min(rep.trajectory_chunk_weeks, weeks - first_week);
        list_chunks(rep, first_week);
        rep.week_chunks_filtered = false;
        tbb::parallel_for(std::size_t{0}, rep.week_chunks.size(), [&](std::size_t i) {
            const RowChunk& chunk = rep.week_chunks[i];
            const Trajectory& variable = variables[chunk.variable];
            const std::size_t bytes = variable.element_bytes;
            const std::size_t row_bytes = rep.trajectory_chunk_persons[chunk.variable] * bytes;
            std::vector<std::byte>& out = rep.week_chunk_bytes[i];
            out.assign(rows * row_bytes, std::byte{0});  // persons past the table stay zero
            for (hsize_t r = 0; r < rows; ++r) {
                std::byte* row = out.data() + r * row_bytes;
                if (r < held) {
                    std::memcpy(row,
                                rep.panel_weeks[chunk.variable].data() +
                                    (r * width + chunk.first_person) * bytes,
                                chunk.persons * bytes);
                    continue;
                }
                for (hsize_t k = 0; k < chunk.persons; ++k) {
                    variable.fill(row + k * bytes);
                }
            }
        });
        rep.panel_weeks_held = 0;
    }

    /// Compresses the tables' full chunks (and a panel's gathered trajectories) and stores them
    /// with the week's trajectory chunks. Reads only the recorder's own buffers, never the world,
    /// so it runs while the next week is simulated (start_week_writes).
    static void store_week_chunks(Replication& rep) {
        const std::vector<Trajectory>& variables = trajectories();
        const auto filter_gathered = [&] {
            if (rep.week_chunks_filtered) {
                return;
            }
            tbb::parallel_for(std::size_t{0}, rep.week_chunks.size(), [&](std::size_t i) {
                const RowChunk& chunk = rep.week_chunks[i];
                const std::size_t bytes = variables[chunk.variable].element_bytes;
                rep.week_chunk_bytes[i] =
                    h5::filter_chunk(rep.week_chunk_bytes[i], bytes,
                                     rep.trajectory_chunk_weeks *
                                         rep.trajectory_chunk_persons[chunk.variable] * bytes);
            });
        };
        tbb::parallel_invoke([&] { rep.events.compress(); }, [&] { rep.area_series.compress(); },
                             filter_gathered);
        for (std::size_t i = 0; i < rep.week_chunks.size(); ++i) {
            const RowChunk& chunk = rep.week_chunks[i];
            h5::write_chunk(rep.trajectory_sets[chunk.variable],
                            {rep.week_chunks_week, chunk.first_person}, rep.week_chunk_bytes[i],
                            rep.name + "/trajectories/" + variables[chunk.variable].name);
        }
        rep.week_chunks.clear();
        rep.week_chunk_bytes.clear();
        rep.events.store();
        rep.area_series.store();
    }

    /// Starts store_week_chunks for the week record_week just took, as a task of the run's own
    /// arena (so within --threads), which overlaps the next week's model: the model leaves a
    /// thread idle in its serial steps, and the writes fill it. While the task runs it is the only
    /// user of this writer's HDF5 objects: every entry point settles it first.
    void start_week_writes() {
        if (!current || !current->per_person) {
            return;
        }
        writes_arena.emplace(tbb::task_arena::attach{});
        Replication& rep = *current;
        writes_arena->execute([&] {
            writes.run([&rep] {
                const h5::QuietErrors quiet;
                store_week_chunks(rep);
            });
        });
        writing = true;
    }

    /// Waits for the week's writes, in the arena they run in (so a caller outside it cannot wait
    /// on a task no thread will run). @throws what the writes threw
    void settle_writes() {
        if (!writing) {
            return;
        }
        writing = false;
        writes_arena->execute([&] { writes.wait(); });
    }

    void end_replication(std::uint32_t index, std::uint8_t arm, const World& world) {
        expect(true, "end_replication");
        Replication& rep = *current;
        if (index != rep.index || arm != rep.arm) {
            throw RunError(message("Hdf5Recorder::end_replication(", index, ", arm ", int{arm},
                                   ") while ", rep.name, " is open"));
        }
        check_world(rep, world, "end_replication");
        if (rep.per_person) {
            if (rep.panel_weeks_held > 0) {  // ended early: the weeks a panel chunk holds so far
                take_panel_chunks(rep, rep.weeks_recorded - rep.panel_weeks_held, layout.weeks);
                store_week_chunks(rep);
            }
            // The partial last chunks: until here a table holds only whole chunks of rows.
            rep.events.finish();
            rep.area_series.finish();
            write_person_table(rep, world.persons);
        }
        const hid_t group = rep.group.get();
        h5::set_attribute(group, "weeks_recorded", rep.weeks_recorded);
        h5::set_attribute(group, "complete",
                          static_cast<std::uint8_t>(rep.weeks_recorded == layout.weeks ? 1 : 0));
        current.reset();  // closes the replication's datasets
        if (arm + 1u == layout.arm_names.size()) {
            // A replication is complete when every arm of it is; from here it survives anything.
            close_replication_file();
        }
    }

    /// Row p of the person table: traits, the state now, and the recorder's counts.
    static PersonRow person_row(const Replication& rep, const Persons& persons, std::uint32_t p) {
        PersonRow row;
        const Counts::Events& c = rep.counts.events[p];
        row.person = static_cast<PersonId>(p);
        row.area = persons.area[p];
        row.age_years = persons.age_years[p];
        row.skill = persons.skill[p];
        row.barriers = persons.barriers[p];
        row.arm = persons.arm[p];
        row.status = persons.status[p];
        row.claim = persons.claim[p];
        row.employer = persons.employer[p];
        row.wage_per_hour = persons.wage_per_hour[p];
        row.hours_per_week = persons.hours_per_week[p];
        row.low_paid = persons.low_paid[p];
        row.tenure_weeks = persons.tenure_weeks[p];
        row.spell_weeks = persons.spell_weeks[p];
        row.sanction_count = persons.sanction_count[p];
        row.weeks_employed = rep.counts.weeks_employed[p];
        row.weeks_claiming = rep.counts.weeks_claiming[p];
        row.hires = c.hires;
        row.separations = c.separations;
        row.sanctions = c.sanctions;
        return row;
    }

    /// The person table goes through the event log's path, a block of rows at a time: rows for
    /// everyone at once were 52 bytes a person at the run's peak, and HDF5 deflated them on one
    /// thread.
    static void write_person_table(const Replication& rep, const Persons& persons) {
        h5::AppendedTable table = create_table<PersonRow>(rep.group.get(), "persons", rep.name);
        // A whole chunk a thread each block: enough to keep the threads compressing, and the
        // buffers stay small. Fresh memory is costly: eight chunks a block spent 8 of the table's
        // 34 ms (100,000 persons, 2 threads) faulting in pages.
        const auto chunks_per_block =
            static_cast<hsize_t>(std::max(2, tbb::this_task_arena::max_concurrency()));
        const auto rows_per_block =
            static_cast<std::uint32_t>(chunks_per_block * table.chunk_rows());
        std::vector<PersonRow> rows;
        for (std::uint32_t first = 0; first < rep.persons; first += rows_per_block) {
            const std::uint32_t count = std::min(rows_per_block, rep.persons - first);
            rows.resize(count);
            for (std::uint32_t k = 0; k < count; ++k) {
                rows[k] = person_row(rep, persons, first + k);
            }
            table.append(rows.data(), count);
            table.compress();
            table.store();
        }
        table.finish();
        const hid_t id = table.dataset().get();
        h5::set_attribute(id, "long_name",
                          "one row per person: traits, state after the last recorded week, and "
                          "totals over the recorded weeks");
        h5::set_attribute(id, "status_codes", labour_status_codes());
        h5::set_attribute(id, "claim_codes", claim_state_codes());
        h5::set_attribute(id, "barriers_codes", barrier_codes());
        h5::set_attribute(id, "employer_none", index(none<EmployerId>));
    }

    void record_outcomes(std::uint32_t index, std::uint8_t arm, const ArmOutcomes& outcomes) {
        expect(true, "record_outcomes");
        if (index != current->index || arm != current->arm || replication_outcomes.size() != arm) {
            throw RunError(message("Hdf5Recorder::record_outcomes(", index, ", arm ", int{arm},
                                   ") while ", current->name, " is open"));
        }
        replication_outcomes.push_back(outcomes);
    }
};

}  // namespace

struct Hdf5Recorder::Impl {
    enum class Stage { constructed, running, ended };

    /// What begin_run was told that the assembled file's root needs.
    struct Run {
        std::string scenario_name;
        std::string scenario_yaml;
        std::uint64_t seed = 0;
        std::uint32_t replications = 0;
        std::uint32_t threads = 0;
        std::uint32_t persons = 0;  ///< the scenario's nominal size
    };

    OutputOptions options;
    AtomicFile target;  // declared before the HDF5 handles: destroyed after they close
    PartialRun partial;
    Run run;
    RunLayout layout;
    ReplicationWriter writer{layout, partial, options.path.string()};  ///< the recorder's own calls
    // The output file, assembled by record_summary.
    h5::File file;
    h5::Group arms_group;
    std::vector<h5::Group> replications_groups;  ///< /arms/<arm>/replications, by arm
    Stage stage = Stage::constructed;

    Impl(OutputOptions opts, LevelOptions level_options)
        : options(std::move(opts)),
          target(options.path, options.force),
          partial(options.path),
          layout{.level = level_options, .weeks = 0, .arm_names = {}} {
        if (options.resume) {
            if (!partial.exists()) {
                throw UsageError(message("--resume: there is no partial output '",
                                         partial.folder().string(), "' of an interrupted run of '",
                                         options.path.string(), "' to resume"));
            }
        } else if (partial.exists() && !options.force) {
            throw UsageError(message("the partial output '", partial.folder().string(),
                                     "' of an interrupted run exists: pass --resume to finish "
                                     "that run, or --force to discard it and start again"));
        }
    }

    [[nodiscard]] PartialManifest manifest(const std::string& scenario_yaml, std::uint64_t seed,
                                           std::uint32_t replications) const {
        return {.jobsim_version = JOBSIM_VERSION,
                .scenario_yaml = scenario_yaml,
                .seed = seed,
                .replications = replications,
                .output_level = std::string(level_name(layout.level.level)),
                .trajectory_panel = layout.level.trajectory_panel};
    }

    /// After a failure or a stop: closes what is open, removes the unfinished replication's file
    /// and the output's temporary file (AtomicFile), and keeps the partial-output folder only when
    /// it holds a finished replication (something to resume). Never throws.
    void abandon() noexcept {
        if (stage == Stage::constructed || stage == Stage::ended) {
            return;  // a folder there is not this run's to remove
        }
        writer.abandon();
        replications_groups.clear();
        arms_group.reset();
        file.reset();
        if (partial.finished() == 0) {
            partial.remove();
        }
    }

    void expect(Stage wanted, const char* call) const {
        if (stage != wanted || writer.open()) {
            throw RunError(message("Hdf5Recorder::", call, " called out of order for '",
                                   options.path.string(), "'"));
        }
    }

    void write_root_attributes() {
        const hid_t root = file.get();
        h5::set_attribute(root, "format", format_name);
        h5::set_attribute(root, "format_version", format_version);
        h5::set_attribute(root, "jobsim_version", JOBSIM_VERSION);
        h5::set_attribute(root, "scenario_name", run.scenario_name);
        h5::set_attribute(root, "scenario_yaml", run.scenario_yaml);
        h5::set_attribute(root, "seed", run.seed);
        h5::set_attribute(root, "replications", run.replications);
        h5::set_attribute(root, "weeks", layout.weeks);
        h5::set_attribute(root, "persons", run.persons);
        h5::set_attribute(root, "output_level", level_name(layout.level.level));
        h5::set_attribute(root, "trajectory_persons",
                          trajectory_persons(layout.level, run.persons));
        h5::set_attribute(root, "complete", std::uint8_t{0});
        h5::set_attribute(root, "replications_completed", std::uint32_t{0});
        // Run-to-run variable provenance: root only, never under /replications.
        h5::set_attribute(root, "command", options.command);
        h5::set_attribute(root, "threads", run.threads);
        h5::set_attribute(root, "created_utc", utc_now());
        h5::set_attribute(root, "host", host_name());
        h5::set_attribute(root, "hdf5_version", hdf5_library_version());
    }

    void begin_run(const RunInfo& info) {
        expect(Stage::constructed, "begin_run");
        layout.weeks = info.weeks;
        run = {.scenario_name = info.scenario.name,
               .scenario_yaml = info.scenario_yaml,
               .seed = info.seed,
               .replications = info.replications,
               .threads = info.threads,
               .persons = info.scenario.population.persons};
        layout.arm_names = info.arms;
        // Resuming, the folder was checked (finished_replications) and is kept as it is.
        stage = Stage::running;
        if (!options.resume) {
            partial.create(manifest(info.scenario_yaml, info.seed, info.replications));
        }
    }

    /// Creates the output file: root attributes, provenance, and every replication copied from
    /// its file in the partial-output folder.
    void assemble() {
        check_room_for_output();
        file = h5::create_file(target.partial_path());
        for (std::uint32_t r = 0; r < run.replications; ++r) {
            if (r == 0) {
                // The scenario's nominal size may differ from the world actually built.
                run.persons = replication_persons(0);
                write_root_attributes();
                const h5::Group provenance = h5::create_group(file.get(), "provenance");
                h5::write_text_dataset(provenance.get(), "scenario_yaml", run.scenario_yaml);
                create_arm_groups();
            }
            copy_replication(r);
        }
        h5::set_attribute(file.get(), "replications_completed", run.replications);
    }

    /// Refuses to assemble an output the file-size limit or the free disk space cannot hold: the
    /// finished replications are kept for --resume either way, but HDF5 1.10 crashes (rather than
    /// fail) when a write inside H5Ocopy fails. The output is about the size of the replication
    /// files together; the margin covers the summary and HDF5's own structures.
    /// @throws OutputError
    void check_room_for_output() const {
        std::uintmax_t parts = 0;
        for (std::uint32_t r = 0; r < run.replications; ++r) {
            std::error_code error;
            const std::uintmax_t size =
                std::filesystem::file_size(partial.replication_file(r), error);
            parts += error ? 0 : size;
        }
        const std::uintmax_t needed = parts + parts / 10 + (std::uintmax_t{1} << 20);
        const auto megabytes = [](std::uintmax_t bytes) { return (bytes + 999'999) / 1'000'000; };
        rlimit limit{};
        if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
            limit.rlim_cur < needed) {
            throw OutputError(message("cannot write '", target.partial_path().string(),
                                      "': it needs about ", megabytes(needed),
                                      " MB but the file-size limit (ulimit -f) is ",
                                      megabytes(limit.rlim_cur), " MB"));
        }
        const std::filesystem::path folder =
            options.path.has_parent_path() ? options.path.parent_path() : ".";
        struct statvfs disk {};
        if (::statvfs(folder.c_str(), &disk) == 0) {
            const std::uintmax_t free = std::uintmax_t{disk.f_bavail} * disk.f_frsize;
            if (free < needed) {
                throw OutputError(message("cannot write '", target.partial_path().string(),
                                          "': it needs about ", megabytes(needed),
                                          " MB but the disk has ", megabytes(free), " MB free"));
            }
        }
    }

    void create_arm_groups() {
        arms_group = h5::create_group(file.get(), "arms");
        h5::set_attribute(arms_group.get(), "long_name",
                          "one group per arm (the baseline regime first), each run on the same "
                          "worlds with common random numbers");
        for (std::size_t a = 0; a < layout.arm_names.size(); ++a) {
            const h5::Group arm = h5::create_group(arms_group.get(), layout.arm_names[a]);
            h5::set_attribute(arm.get(), "arm", static_cast<std::uint32_t>(a));
            replications_groups.push_back(h5::create_group(arm.get(), "replications"));
        }
    }

    /// The `persons` attribute of replication `r`'s first arm, in its file.
    [[nodiscard]] std::uint32_t replication_persons(std::uint32_t r) const {
        const std::string path = partial.replication_file(r).string();
        const h5::File source(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
        if (!source) {
            h5::fail(H5I_INVALID_HID, "open", path, path);
        }
        const std::string group = message("arms/", layout.arm_names[0], "/replications/", r);
        const h5::Attribute attribute(h5::checked(
            H5Aopen_by_name(source.get(), group.c_str(), "persons", H5P_DEFAULT, H5P_DEFAULT),
            source.get(), "open attribute 'persons' of", group));
        std::uint32_t persons = 0;
        h5::check(H5Aread(attribute.get(), H5T_NATIVE_UINT32, &persons), source.get(),
                  "read attribute 'persons' of", group);
        return persons;
    }

    /// Copies replication `r`'s group of every arm into the output. H5Ocopy stores the chunks as
    /// they are (no decompression).
    void copy_replication(std::uint32_t r) {
        const std::string path = partial.replication_file(r).string();
        const h5::File source(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
        if (!source) {
            h5::fail(H5I_INVALID_HID, "open", path, path);
        }
        const std::string name = std::to_string(r);
        for (std::size_t a = 0; a < layout.arm_names.size(); ++a) {
            const std::string group = message("arms/", layout.arm_names[a], "/replications/", r);
            h5::check(H5Ocopy(source.get(), group.c_str(), replications_groups[a].get(),
                              name.c_str(), H5P_DEFAULT, H5P_DEFAULT),
                      file.get(), "copy", message("/", group, " from ", path));
            const h5::Group copied(
                h5::checked(H5Gopen2(replications_groups[a].get(), name.c_str(), H5P_DEFAULT),
                            file.get(), "open", "/" + group));
            reattach_scales(copied.get(), "/" + group);
        }
    }

    /// A copy between files nulls the object references that tie trajectories to their dimension
    /// scales (and HDF5 1.10's H5O_COPY_EXPAND_REFERENCE_FLAG garbles them in a variable-length
    /// attribute): they are attached again, in the order create_trajectory attached them.
    static void reattach_scales(hid_t group, const std::string& name) {
        if (H5Lexists(group, "trajectories", H5P_DEFAULT) <= 0) {
            return;  // the summary level: no datasets
        }
        const auto open = [&](hid_t parent, const char* dataset, const std::string& path) {
            return h5::Dataset(
                h5::checked(H5Dopen2(parent, dataset, H5P_DEFAULT), group, "open", path));
        };
        const h5::Dataset week = open(group, "week", name + "/week");
        const h5::Dataset person = open(group, "person", name + "/person");
        h5::detail::remove_attribute(week.get(), "REFERENCE_LIST");
        h5::detail::remove_attribute(person.get(), "REFERENCE_LIST");
        const h5::Group trajectory_group(h5::checked(H5Gopen2(group, "trajectories", H5P_DEFAULT),
                                                     group, "open", name + "/trajectories"));
        for (const Trajectory& variable : trajectories()) {
            const std::string path = name + "/trajectories/" + variable.name;
            const h5::Dataset dataset = open(trajectory_group.get(), variable.name, path);
            h5::detail::remove_attribute(dataset.get(), "DIMENSION_LIST");
            h5::attach_scale(dataset, week, 0, path);
            h5::attach_scale(dataset, person, 1, path);
        }
    }

    void record_summary(std::span<const ArmOutcomes> runs, std::span<const ArmSummary> summary) {
        expect(Stage::running, "record_summary");
        assemble();
        const h5::Group group = h5::create_group(file.get(), "summary");
        h5::set_attribute(group.get(), "arms", join(layout.arm_names, ","));
        write_outcome_table(group.get(), "runs", runs,
                            "one row per (replication, arm) run: the outcomes of the summary "
                            "table of arms",
                            layout.arm_names);
        std::vector<ArmOutcomes> means;
        std::vector<ArmOutcomes> errors;
        for (const ArmSummary& row : summary) {
            means.push_back(row.mean);
            errors.push_back(row.standard_error);
        }
        write_outcome_table(group.get(), "arms", means,
                            "one row per arm: outcomes averaged over replications",
                            layout.arm_names);
        write_outcome_table(group.get(), "arms_standard_error", errors,
                            "one row per arm: standard error of the mean over replications "
                            "(NaN with one replication)",
                            layout.arm_names);
        h5::flush(file);
    }

    void end_run() {
        expect(Stage::running, "end_run");
        if (!file) {
            assemble();  // record_summary was not called: a file without /summary
        }
        h5::set_attribute(file.get(), "complete", std::uint8_t{1});
        h5::flush(file);
        replications_groups.clear();
        arms_group.reset();
        h5::close(file, target.partial_path());
        target.commit();
        stage = Stage::ended;
        // Only now: until the output is in place, the folder is what a crash leaves to resume.
        partial.remove();
    }
};

/// A side-by-side lane: its own writer, sharing the run's layout and partial-output folder.
class Hdf5Recorder::Lane final : public ReplicationRecorder {
public:
    explicit Lane(const Impl& impl)
        : impl_(impl),
          writer_(std::make_unique<ReplicationWriter>(impl.layout, impl.partial,
                                                      impl.options.path.string())) {}
    ~Lane() override {
        try {
            writer_->settle_writes();
        } catch (...) {  // NOLINT(bugprone-empty-catch): as in ~Hdf5Recorder
        }
        const h5::QuietErrors quiet;
        writer_->abandon();
    }
    Lane(const Lane&) = delete;
    Lane& operator=(const Lane&) = delete;

    void begin_replication(std::uint32_t replication, std::uint8_t arm,
                           const World& world) override {
        writer_->settle_writes();
        const h5::QuietErrors quiet;
        if (impl_.stage != Impl::Stage::running) {
            throw RunError(
                message("Hdf5Recorder: a side-by-side replication began outside the run of '",
                        impl_.options.path.string(), "'"));
        }
        writer_->begin_replication(replication, arm, world);
    }
    void record_week(Week week, const World& world, std::span<const Event> events,
                     std::span<const AreaWeek> areas) override {
        writer_->settle_writes();
        {
            const h5::QuietErrors quiet;
            writer_->record_week(week, world, events, areas);
        }
        writer_->start_week_writes();
    }
    void record_outcomes(std::uint32_t replication, std::uint8_t arm,
                         const ArmOutcomes& outcomes) override {
        writer_->record_outcomes(replication, arm, outcomes);
    }
    void end_replication(std::uint32_t replication, std::uint8_t arm, const World& world) override {
        writer_->settle_writes();
        const h5::QuietErrors quiet;
        writer_->end_replication(replication, arm, world);
    }

private:
    const Impl& impl_;
    // Held apart: a task_group may throw from its destructor, a recorder may not.
    std::unique_ptr<ReplicationWriter> writer_;
};

Hdf5Recorder::Hdf5Recorder(OutputOptions options, LevelOptions level)
    : impl_(std::make_unique<Impl>(std::move(options), level)) {}

Hdf5Recorder::~Hdf5Recorder() {
    // A run that failed may leave a week's writes running: they finish before the file closes,
    // and what they threw is dropped (the run is already failing).
    try {
        impl_->writer.settle_writes();
    } catch (...) {  // NOLINT(bugprone-empty-catch): see above
    }
    // Without end_run the handles close here and AtomicFile removes the partial file.
    const h5::QuietErrors quiet;
    impl_->abandon();
    impl_.reset();
}

void Hdf5Recorder::begin_run(const RunInfo& info) {
    impl_->writer.settle_writes();
    const h5::QuietErrors quiet;
    impl_->begin_run(info);
}

void Hdf5Recorder::begin_replication(std::uint32_t replication, std::uint8_t arm,
                                     const World& world) {
    impl_->writer.settle_writes();
    const h5::QuietErrors quiet;
    impl_->expect(Impl::Stage::running, "begin_replication");
    impl_->writer.begin_replication(replication, arm, world);
}

void Hdf5Recorder::record_week(Week week, const World& world, std::span<const Event> events,
                               std::span<const AreaWeek> areas) {
    impl_->writer.settle_writes();
    {
        const h5::QuietErrors quiet;
        impl_->writer.record_week(week, world, events, areas);
    }
    // After ~QuietErrors: from here until the next call, only the writes call HDF5.
    impl_->writer.start_week_writes();
}

void Hdf5Recorder::record_outcomes(std::uint32_t replication, std::uint8_t arm,
                                   const ArmOutcomes& outcomes) {
    impl_->writer.record_outcomes(replication, arm, outcomes);
}

std::unique_ptr<ReplicationRecorder> Hdf5Recorder::side_by_side() {
    // Lanes write their files at the same time: only a thread-safe HDF5 library allows that.
    hbool_t threadsafe = false;
    if (H5is_library_threadsafe(&threadsafe) < 0 || threadsafe == 0) {
        return nullptr;
    }
    return std::make_unique<Lane>(*impl_);
}

std::map<std::uint32_t, std::vector<ArmOutcomes>> Hdf5Recorder::finished_replications(
    const Scenario& scenario, std::uint64_t seed, std::uint32_t replications) const {
    if (!impl_->options.resume) {
        return {};
    }
    return impl_->partial.resume(impl_->manifest(scenario::to_yaml(scenario), seed, replications),
                                 all_arms(scenario).size());
}

void Hdf5Recorder::end_replication(std::uint32_t replication, std::uint8_t arm,
                                   const World& world) {
    impl_->writer.settle_writes();
    const h5::QuietErrors quiet;
    impl_->writer.end_replication(replication, arm, world);
}

void Hdf5Recorder::record_summary(std::span<const ArmOutcomes> runs,
                                  std::span<const ArmSummary> summary) {
    impl_->writer.settle_writes();
    const h5::QuietErrors quiet;
    impl_->record_summary(runs, summary);
}

void Hdf5Recorder::end_run() {
    impl_->writer.settle_writes();
    const h5::QuietErrors quiet;
    impl_->end_run();
}

}  // namespace jobsim::output
