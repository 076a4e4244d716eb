#include "sim/trials/trial_assignment.hpp"

#include <algorithm>

#include "sim/state/world.hpp"
#include "sim/trials/assignment.hpp"

namespace jobsim::trials {

namespace {

std::uint32_t block_of(TrialBlocks blocks, const Persons& p, std::uint32_t i) {
    switch (blocks) {
        case TrialBlocks::area:
            return index(p.area[i]);
        case TrialBlocks::barriers:
            return static_cast<std::uint32_t>(std::min(count_barriers(p.barriers[i]), 3));
        case TrialBlocks::none:
            break;
    }
    return 0;
}

/// Unemployed share of the economically active in each area: what matched pairs are matched on.
std::vector<double> area_unemployment_rates(const World& world, std::uint32_t areas) {
    std::vector<double> unemployed(areas, 0.0);
    std::vector<double> active(areas, 0.0);
    const Persons& p = world.persons;
    for (std::uint32_t i = 0; i < p.size(); ++i) {
        const auto a = index(p.area[i]);
        unemployed[a] += p.status[i] == LabourStatus::unemployed;
        active[a] += p.status[i] != LabourStatus::inactive;
    }
    for (std::uint32_t a = 0; a < areas; ++a) {
        unemployed[a] = active[a] > 0.0 ? unemployed[a] / active[a] : 0.0;
    }
    return unemployed;
}

}  // namespace

bool assigns_clusters(const TrialSpec& spec) {
    return spec.design == TrialDesign::matched_pair_cluster ||
           spec.design == TrialDesign::stepped_wedge ||
           (spec.design == TrialDesign::cluster && spec.cluster_unit == ClusterUnit::area);
}

AssignmentFrame make_frame(const TrialSpec& spec, std::size_t arm_count, const World& world,
                           const std::vector<std::uint32_t>& stock) {
    const Persons& p = world.persons;
    AssignmentFrame frame;
    frame.design = spec.design;
    frame.persons = p.size();
    frame.ratios = spec.allocation.empty() ? std::vector<double>(arm_count, 1.0) : spec.allocation;
    frame.saturations = spec.saturations;
    frame.steps = spec.steps;
    const auto areas = static_cast<std::uint32_t>(world.areas.x_km.size());
    frame.clusters = spec.design == TrialDesign::cluster && spec.cluster_unit == ClusterUnit::coach
                         ? world.coaches.size()
                         : areas;
    if (spec.design == TrialDesign::individual || spec.design == TrialDesign::saturation) {
        if (spec.enrolment == TrialEnrolment::stock) {
            frame.unit_person = stock;
        } else {
            frame.unit_person.resize(p.size());
            for (std::uint32_t i = 0; i < p.size(); ++i) {
                frame.unit_person[i] = i;
            }
        }
        for (const std::uint32_t i : frame.unit_person) {
            frame.unit_block.push_back(block_of(spec.blocks, p, i));
        }
        frame.person_cluster.resize(p.size());
        for (std::uint32_t i = 0; i < p.size(); ++i) {
            frame.person_cluster[i] = index(p.area[i]);
        }
    }
    if (spec.design == TrialDesign::matched_pair_cluster) {
        frame.cluster_covariate = area_unemployment_rates(world, areas);
    }
    return frame;
}

Assignment draw_assignment(const AssignmentFrame& frame, rng::Stream& stream) {
    Assignment out;
    switch (frame.design) {
        case TrialDesign::individual: {
            const std::vector<std::uint8_t> arms =
                block_assignment(frame.unit_block, frame.ratios, stream);
            out.person_arm.assign(frame.persons, 0);
            for (std::size_t u = 0; u < arms.size(); ++u) {
                out.person_arm[frame.unit_person[u]] = arms[u];
            }
            break;
        }
        case TrialDesign::cluster:
            out.cluster_arm = complete_assignment(frame.clusters, frame.ratios, stream);
            break;
        case TrialDesign::matched_pair_cluster: {
            MatchedPairs pairs = matched_pair_assignment(frame.cluster_covariate, stream);
            out.cluster_arm = std::move(pairs.arm);
            out.cluster_pair = std::move(pairs.pair);
            break;
        }
        case TrialDesign::saturation: {
            std::vector<std::uint32_t> unit_cluster;
            unit_cluster.reserve(frame.unit_person.size());
            for (const std::uint32_t i : frame.unit_person) {
                unit_cluster.push_back(frame.person_cluster[i]);
            }
            SaturationAssignment drawn =
                saturation_assignment(unit_cluster, frame.clusters, frame.saturations, stream);
            out.cluster_saturation = std::move(drawn.cluster_saturation);
            out.person_arm.assign(frame.persons, 0);
            for (std::size_t u = 0; u < drawn.unit_treated.size(); ++u) {
                out.person_arm[frame.unit_person[u]] = drawn.unit_treated[u];
            }
            break;
        }
        case TrialDesign::stepped_wedge:
            out.cluster_step = stepped_wedge_assignment(frame.clusters, frame.steps, stream);
            break;
        case TrialDesign::none:
            break;
    }
    return out;
}

}  // namespace jobsim::trials
