// How someone who met a work coach rates the relationship (seeds R4, L1): a simulated survey answer
// from the person's trust in the service and alliance with the coach, read just after their latest
// meeting (the relationship as they last experienced it; the alliance lapses once they leave the
// service). Shared by the calibration table (R4) and the arm summary (would_recommend).
#pragma once

#include <cstdint>

namespace jobsim {

enum class RelationshipRating : std::uint8_t { negative = 0, neutral = 1, positive = 2 };

/// The score rated: the mean of trust and alliance, both on 0-1 scales.
[[nodiscard]] inline double relationship_score(float trust, float alliance) {
    return 0.5 * (static_cast<double>(trust) + static_cast<double>(alliance));
}

// The cut points map the latent score to a survey answer; the scale has no natural midpoint, so
// they are calibrated to seed R4 (63% positive, 12% negative) on the baseline at seed 1 (the
// 37th and 12th percentiles of the score there: 0.27 and 0.175; at seeds 2 and 20241123 they are
// 0.26-0.27 and 0.17). After a few 10-minute meetings the alliance is small (median about 0.13), so
// a midpoint cut of 0.5 rated nobody positive. R4 therefore holds by construction in the baseline;
// what the rating then shows is how other regimes move it.
/// Positive from this score up (calibrated: seed R4, 63% positive).
inline constexpr double positive_rating_from = 0.27;
/// Negative below this score (calibrated: seed R4, 12% negative).
inline constexpr double negative_rating_below = 0.175;

[[nodiscard]] inline RelationshipRating rate_relationship(double score) {
    if (score >= positive_rating_from) {
        return RelationshipRating::positive;
    }
    return score < negative_rating_below ? RelationshipRating::negative
                                         : RelationshipRating::neutral;
}

}  // namespace jobsim
