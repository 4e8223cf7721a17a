# Lineage and environment capture through the real binary (docs/lineage.md), included OPTIONAL
# from tests/integration/CMakeLists.txt.
cairn_add_test(tst_lineage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_lineage.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration)
target_compile_definitions(tst_lineage PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_lineage cairn)

# cairn reproduce, cairn submit --input/--output and pipeline stages' lineage (docs/lineage.md).
# The fake NVML library (tests/unit/gpu_tests.cmake) stands in for a GPU in env.json.
cairn_add_test(tst_reproduce SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_reproduce.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration)
target_compile_definitions(tst_reproduce PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>" FAKE_NVML_PATH="$<TARGET_FILE:fake_nvml>")
add_dependencies(tst_reproduce cairn fake_nvml)

# cairn openlineage export|import (docs/openlineage.md): exported events checked against the
# OpenLineage JSON schemas in tests/data/openlineage by python3-jsonschema.
cairn_add_test(tst_openlineage SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_openlineage.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration)
target_compile_definitions(tst_openlineage PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>" CAIRN_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(tst_openlineage cairn)

# Dataset profiles at add time through the real binary (docs/artifacts.md).
cairn_add_test(tst_artifact_profiles SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_artifact_profiles.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration)
target_compile_definitions(tst_artifact_profiles PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_artifact_profiles cairn)

# A real full disk (a 1 MiB tmpfs in a private mount namespace) under the artifact store.
cairn_add_test(tst_disk_full SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_disk_full.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration)
target_compile_definitions(tst_disk_full PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_disk_full cairn)
