// Writes a small sample output file with the HDF5 recorder (made-up data), for the Python consumer
// test: write_sample_file PATH. Replaces PATH if it exists.
#include <exception>
#include <iostream>

#include "output/hdf5_recorder.hpp"
#include "tests/output/sample_run.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: write_sample_file PATH\n";
        return 2;
    }
    try {
        jobsim::testing::SampleRun run;
        run.persons = 40;
        run.weeks = 8;
        run.replications = 3;
        run.areas = 4;
        jobsim::output::OutputOptions options;
        options.path = argv[1];
        options.force = true;
        options.command = "write_sample_file";
        jobsim::output::Hdf5Recorder recorder(options);
        jobsim::testing::drive(recorder, run);
    } catch (const std::exception& error) {
        std::cerr << "write_sample_file: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
