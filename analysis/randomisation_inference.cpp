#include "analysis/randomisation_inference.hpp"

namespace jobsim::analysis {

double randomisation_p_value(double observed, std::span<const double> rerandomised) {
    return randomisation_p_value(observed, rerandomised.size(),
                                 [rerandomised](std::size_t k) { return rerandomised[k]; });
}

}  // namespace jobsim::analysis
