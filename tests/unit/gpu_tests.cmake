# Tests of cairn_gpu, included from tests/unit/CMakeLists.txt (uses cairn_add_test from
# tests/CMakeLists.txt). Paths are relative to this file.
find_package(Threads REQUIRED)

# A stand-in libnvidia-ml with two fake devices: the tests point CAIRN_NVML_LIBRARY at it so
# the real dlopen/dlsym code of cairn_gpu runs on machines without a GPU.
add_library(fake_nvml MODULE ${CMAKE_CURRENT_LIST_DIR}/fake_nvml.c)
set_target_properties(fake_nvml PROPERTIES PREFIX "lib" OUTPUT_NAME "fake-nvidia-ml" C_STANDARD 11)

cairn_add_test(tst_gpu_inventory
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_gpu_inventory.cpp
  LIBS cairn_gpu ${CMAKE_DL_LIBS} Threads::Threads
  LABELS unit)
# CAIRN_CUDA_SOURCES is set by gpu/CMakeLists.txt from CAIRN_WITH_CUDA and what was found.
target_compile_definitions(tst_gpu_inventory PRIVATE
  FAKE_NVML_PATH="$<TARGET_FILE:fake_nvml>"
  CAIRN_EXPECT_CUDA=$<BOOL:${CAIRN_CUDA_SOURCES}>)
add_dependencies(tst_gpu_inventory fake_nvml)

# Needs real hardware: label `gpu`; every case QSKIPs without a device, reported as skipped.
cairn_add_test(tst_gpu_hardware
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_gpu_hardware.cpp
  LIBS cairn_gpu
  LABELS gpu)
set_tests_properties(tst_gpu_hardware PROPERTIES SKIP_REGULAR_EXPRESSION "SKIP   : ")

# `cairn gpus`, in process, against the same fake NVML.
find_package(nlohmann_json 3 REQUIRED)
cairn_add_test(tst_cli_gpus
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cli_gpus.cpp
  LIBS cairn_cli nlohmann_json::nlohmann_json
  LABELS unit)
target_compile_definitions(tst_cli_gpus PRIVATE FAKE_NVML_PATH="$<TARGET_FILE:fake_nvml>")
add_dependencies(tst_cli_gpus fake_nvml)

# cairn-gpu-check (gpu/check/), built only with CUDA sources. Label `gpu`: without a device the
# program exits 2 and the test QSKIPs, reported as skipped.
if(TARGET cairn-gpu-check)
  cairn_add_test(tst_gpu_check
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_gpu_check.cpp
    LABELS gpu)
  target_compile_definitions(tst_gpu_check PRIVATE
    CAIRN_GPU_CHECK_PATH="$<TARGET_FILE:cairn-gpu-check>"
    CAIRN_EXPECT_NCCL=$<BOOL:${CAIRN_GPU_CHECK_NCCL}>)
  add_dependencies(tst_gpu_check cairn-gpu-check)
  set_tests_properties(tst_gpu_check PROPERTIES SKIP_REGULAR_EXPRESSION "SKIP   : " TIMEOUT 300)
endif()
