#include "sim/state/network.hpp"

#include <algorithm>

namespace jobsim {

void Network::reset(const std::vector<AreaId>& area, std::uint16_t areas) {
    const auto n = static_cast<std::uint32_t>(area.size());
    slots.assign(static_cast<std::size_t>(n) * capacity, Tie{});
    degree.assign(n, 0);
    area_offsets.assign(static_cast<std::size_t>(areas) + 1, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        ++area_offsets[index(area[i]) + 1u];
    }
    for (std::uint16_t a = 0; a < areas; ++a) {
        area_offsets[a + 1u] += area_offsets[a];
    }
    area_members.resize(n);
    std::vector<std::uint32_t> next(area_offsets.begin(), area_offsets.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i) {
        area_members[next[index(area[i])]++] = i;
    }
}

bool Network::connected(std::uint32_t i, std::uint32_t j) const {
    const auto list = ties(i);
    return std::any_of(list.begin(), list.end(), [j](const Tie& t) { return t.contact == j; });
}

bool Network::add_tie(std::uint32_t i, std::uint32_t j, std::uint8_t flags,
                      const std::vector<AreaId>& area) {
    if (i == j || degree[i] >= capacity || degree[j] >= capacity || connected(i, j)) {
        return false;
    }
    const bool dispersed = area[i] != area[j];
    const auto with_place =
        static_cast<std::uint8_t>(dispersed ? (flags | tie_dispersed) : (flags & ~tie_dispersed));
    slots[static_cast<std::size_t>(i) * capacity + degree[i]++] = make_tie(j, with_place);
    slots[static_cast<std::size_t>(j) * capacity + degree[j]++] = make_tie(i, with_place);
    return true;
}

std::uint8_t tie_flags_between(const Persons& p, std::uint32_t i, std::uint32_t j,
                               std::uint8_t extra) {
    const bool status_differs =
        (p.status[i] == LabourStatus::employed) != (p.status[j] == LabourStatus::employed);
    const bool area_differs = p.area[i] != p.area[j];
    const bool bridging = (extra & tie_strong) == 0 && (status_differs || area_differs);
    return static_cast<std::uint8_t>(extra | (bridging ? tie_bridging : 0));
}

NetworkMeasures measure_network(const Network& network, const Persons& persons, std::uint32_t i) {
    NetworkMeasures m;
    if (i >= network.persons()) {
        return m;
    }
    std::uint32_t bridging = 0;
    std::uint32_t dispersed = 0;
    for (const Tie& t : network.ties(i)) {
        const bool employed = persons.status[t.contact] == LabourStatus::employed;
        m.employed_contacts = static_cast<std::uint8_t>(m.employed_contacts + (employed ? 1 : 0));
        if (employed && (t.flags & tie_strong) != 0) {
            ++m.strong_employed_contacts;
        }
        bridging += (t.flags & tie_bridging) != 0 ? 1u : 0u;
        dispersed += (t.flags & tie_dispersed) != 0 ? 1u : 0u;
    }
    m.degree = network.degree[i];
    if (m.degree > 0) {
        m.bridging_share = static_cast<float>(bridging) / static_cast<float>(m.degree);
        m.dispersed_share = static_cast<float>(dispersed) / static_cast<float>(m.degree);
    }
    return m;
}

std::uint32_t employed_contacts(const Network& network, const Persons& persons, std::uint32_t i) {
    return measure_network(network, persons, i).employed_contacts;
}

}  // namespace jobsim
