# Tests of engine/exec pieces (GPU slots, /proc sampling, worker environment), included from
# tests/unit/CMakeLists.txt. Paths are relative to this file.
cairn_add_test(tst_gpu_slots SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_gpu_slots.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_proc_sampler SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_proc_sampler.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_worker_env SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_worker_env.cpp LIBS cairn_core LABELS unit)
