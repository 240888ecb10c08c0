#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "common/allocator.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  dondoc::TuneAllocatorForDocuments();
  std::vector<std::string> args(argv + 1, argv + argc);
  return dondoc::cli::Run(args, std::cout, std::cerr);
}
