// The meanings of the integer codes stored in output files, as the text of `codes` attributes
// (e.g. "0=employed,1=unemployed,2=inactive"). Built from switches over the model's enums, so a
// new enumerator without a name here is a compiler warning (-Wswitch).
#pragma once

#include <string>
#include <string_view>

#include "sim/observe/event.hpp"
#include "sim/state/persons.hpp"

namespace jobsim::output {

[[nodiscard]] std::string_view name_of(LabourStatus status);
[[nodiscard]] std::string_view name_of(ClaimState claim);
[[nodiscard]] std::string_view name_of(EventKind kind);

/// "0=employed,1=unemployed,2=inactive"
[[nodiscard]] std::string labour_status_codes();
/// "0=none,1=claiming,2=sanctioned"
[[nodiscard]] std::string claim_state_codes();
/// "1=hire,2=separation,..."
[[nodiscard]] std::string event_kind_codes();
/// What `detail` means for each event kind.
[[nodiscard]] std::string event_detail_codes();
/// What `other` holds for each event kind.
[[nodiscard]] std::string event_other_meaning();
/// What `value` holds for each event kind.
[[nodiscard]] std::string event_value_meaning();
/// "1=health,2=caring,4=basic_skills,8=housing,16=confidence" (bits, may be combined)
[[nodiscard]] std::string barrier_codes();

}  // namespace jobsim::output
