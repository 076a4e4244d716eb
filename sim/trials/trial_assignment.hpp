// A trial's assignment of its units to arms, drawn from the declared design (sim/trials/
// assignment.hpp has the randomisation procedures). The frame (who and what can be randomised) is
// fixed at the checkpoint; drawing again from the same frame with another stream is how
// randomisation inference re-randomises.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/rng/stream.hpp"
#include "sim/trials/trial_spec.hpp"

namespace jobsim {
struct World;
}

namespace jobsim::trials {

/// What the design randomises, read from the world at the checkpoint.
struct AssignmentFrame {
    TrialDesign design = TrialDesign::none;
    std::vector<double> ratios;  ///< allocation per arm, baseline first
    std::uint32_t persons = 0;
    /// Individual and saturation designs: the people randomised (the stock, or everyone for an
    /// inflow trial, whose people take their pre-drawn arm if and when they enrol).
    std::vector<std::uint32_t> unit_person;
    std::vector<std::uint32_t> unit_block;      ///< block of each unit (individual designs)
    std::uint32_t clusters = 0;                 ///< areas, or coaches for coach caseloads
    std::vector<std::uint32_t> person_cluster;  ///< area of each person (saturation)
    std::vector<double> cluster_covariate;      ///< matched pairs: unemployment rate of each area
    std::vector<double> saturations;
    std::uint32_t steps = 0;
};

/// One draw of the design.
struct Assignment {
    std::vector<std::uint8_t> person_arm;   ///< individual, saturation: each person's arm
    std::vector<std::uint8_t> cluster_arm;  ///< cluster designs: each cluster's arm
    std::vector<double> cluster_saturation;
    std::vector<std::uint32_t> cluster_step;  ///< stepped wedge: step 1..steps of the switch
    std::vector<std::uint32_t> cluster_pair;  ///< matched pairs
};

/// The frame of `spec` over `world` at the checkpoint. `stock` lists the people eligible then.
[[nodiscard]] AssignmentFrame make_frame(const TrialSpec& spec, std::size_t arm_count,
                                         const World& world,
                                         const std::vector<std::uint32_t>& stock);

/// One random assignment from the frame.
[[nodiscard]] Assignment draw_assignment(const AssignmentFrame& frame, rng::Stream& stream);

/// Whether the design gives its arm to whole clusters (everyone in them, from the start).
[[nodiscard]] bool assigns_clusters(const TrialSpec& spec);

}  // namespace jobsim::trials
