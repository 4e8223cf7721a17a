# The ssh and Slurm executors against real daemons the tests start themselves (sshd, munged,
# slurmctld, slurmd); skipped with the reason when their Debian packages are missing.
# Included from tests/integration/CMakeLists.txt. Paths are relative to this file.
find_package(Qt6 6.4 REQUIRED COMPONENTS Network)
add_library(cairn_test_daemons STATIC ${CMAKE_CURRENT_LIST_DIR}/daemons.cpp)
target_link_libraries(cairn_test_daemons PUBLIC Qt6::Core Qt6::Network)

cairn_add_test(tst_remote_ssh SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_remote_ssh.cpp ${CMAKE_CURRENT_LIST_DIR}/../cli_harness.cpp
               LIBS cairn_core cairn_test_daemons LABELS integration remote)
target_compile_definitions(tst_remote_ssh PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_remote_ssh cairn)
set_tests_properties(tst_remote_ssh PROPERTIES SKIP_REGULAR_EXPRESSION "SKIP   : ")

cairn_add_test(tst_remote_slurm SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_remote_slurm.cpp ${CMAKE_CURRENT_LIST_DIR}/../cli_harness.cpp
               LIBS cairn_core cairn_test_daemons LABELS integration remote)
target_compile_definitions(tst_remote_slurm PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>"
                           DDP_SCRIPT="${CMAKE_CURRENT_LIST_DIR}/../ddp_train.py")
add_dependencies(tst_remote_slurm cairn)
set_tests_properties(tst_remote_slurm PROPERTIES SKIP_REGULAR_EXPRESSION "SKIP   : " TIMEOUT 600)
