# engine/lineage: recording runs' inputs and outputs, the lineage graph and `cairn lineage`,
# environment capture (docs/lineage.md). Included at the end of engine/CMakeLists.txt.
target_sources(cairn_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/record.cpp
  ${CMAKE_CURRENT_LIST_DIR}/environment.cpp
  ${CMAKE_CURRENT_LIST_DIR}/run_diff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/input_restore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/store_lineage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/openlineage_export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/openlineage_import.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/store_external.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../server/engine_openlineage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/store_profiles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/profile_rows.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../analysis/dataset_profile.cpp
  ${CMAKE_CURRENT_LIST_DIR}/profiles.cpp
)
target_sources(cairn_cli PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_lineage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_reproduce.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_openlineage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/profile_text.cpp
)
