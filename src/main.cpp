// The caro executable: everything lives in the library; this only hands over.
#include "caro/cli/app.h"

int main(int argc, char** argv)
{
  return caro::cli::run(argc, argv);
}
