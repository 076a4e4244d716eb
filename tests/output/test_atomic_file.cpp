// AtomicFile: checks the destination up front, creates nothing until asked, and either renames a
// finished file into place or removes it.
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "output/atomic_file.hpp"
#include "sim/core/error.hpp"
#include "tests/output/h5_read.hpp"

#include <unistd.h>

namespace test_atomic_file {

namespace {

namespace fs = std::filesystem;
using jobsim::output::AtomicFile;
using jobsim::testing::TempDir;

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

}  // namespace

TEST_CASE("atomic_file: the constructor checks the destination and creates nothing", "[output]") {
    const TempDir dir;
    const AtomicFile file(dir / "out.h5", false);
    CHECK(file.partial_path() == dir / "out.h5.partial");
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("atomic_file: commit renames the partial file onto the final name", "[output]") {
    const TempDir dir;
    AtomicFile file(dir / "out.h5", false);
    write_text(file.partial_path(), "new");
    file.commit();
    CHECK(file.committed());
    CHECK(jobsim::testing::file_bytes(dir / "out.h5") == "new");
    CHECK_FALSE(fs::exists(file.partial_path()));
}

TEST_CASE("atomic_file: an uncommitted partial file is removed on destruction", "[output]") {
    const TempDir dir;
    {
        const AtomicFile file(dir / "out.h5", false);
        write_text(file.partial_path(), "half");
    }
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("atomic_file: an existing file needs force, and force replaces it only on commit",
          "[output]") {
    const TempDir dir;
    write_text(dir / "out.h5", "old");
    CHECK_THROWS_AS(AtomicFile(dir / "out.h5", false), jobsim::UsageError);
    CHECK_THROWS_WITH(AtomicFile(dir / "out.h5", false), Catch::Contains("--force"));

    {
        AtomicFile file(dir / "out.h5", true);
        write_text(file.partial_path(), "new");
        CHECK(jobsim::testing::file_bytes(dir / "out.h5") == "old");
    }
    CHECK(jobsim::testing::file_bytes(dir / "out.h5") == "old");

    AtomicFile file(dir / "out.h5", true);
    write_text(file.partial_path(), "new");
    file.commit();
    CHECK(jobsim::testing::file_bytes(dir / "out.h5") == "new");
}

TEST_CASE("atomic_file: a file that appears during the run is not overwritten without force",
          "[output]") {
    const TempDir dir;
    AtomicFile file(dir / "out.h5", false);
    write_text(file.partial_path(), "new");
    write_text(dir / "out.h5", "someone else's");
    CHECK_THROWS_AS(file.commit(), jobsim::OutputError);
    CHECK(jobsim::testing::file_bytes(dir / "out.h5") == "someone else's");
    CHECK(jobsim::testing::file_bytes(file.partial_path()) == "new");
}

TEST_CASE("atomic_file: a missing folder, a folder as the target or a read-only folder is refused",
          "[output]") {
    const TempDir dir;
    CHECK_THROWS_WITH(AtomicFile(dir / "nope" / "out.h5", false),
                      Catch::Contains("does not exist"));
    fs::create_directory(dir / "sub");
    CHECK_THROWS_WITH(AtomicFile(dir / "sub", true), Catch::Contains("is a folder"));
    CHECK_THROWS_AS(AtomicFile("", false), jobsim::UsageError);

    if (::geteuid() != 0) {  // root may write anywhere
        fs::create_directory(dir / "locked");
        fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
        CHECK_THROWS_WITH(AtomicFile(dir / "locked" / "out.h5", false),
                          Catch::Contains("not writable"));
        fs::permissions(dir / "locked", fs::perms::owner_all);
    }
}

TEST_CASE("atomic_file: a bare file name refers to the current folder", "[output]") {
    const AtomicFile file("jobsim_atomic_file_test_does_not_exist.h5", false);
    CHECK(file.partial_path() == "jobsim_atomic_file_test_does_not_exist.h5.partial");
}

}  // namespace test_atomic_file
