#include "check.h"
RAPIDUN_TEST_MAIN()
