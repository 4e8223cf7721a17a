# engine/artifacts: the content-addressed store (docs/artifacts.md), its engine request and
# the `cairn artifact` command. Included at the end of engine/CMakeLists.txt so that adding a
# file here never touches the shared list there. OpenSSL stays PRIVATE like SQLite.
find_package(OpenSSL REQUIRED)
target_sources(cairn_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/sha256.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_io.cpp
  ${CMAKE_CURRENT_LIST_DIR}/object_store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/manifest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/add.cpp
  ${CMAKE_CURRENT_LIST_DIR}/restore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/maintenance.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/store_artifacts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../server/engine_artifacts.cpp
)
target_link_libraries(cairn_core PRIVATE OpenSSL::Crypto)
target_sources(cairn_cli PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../cli/artifact_cli.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_artifact.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_artifact_check.cpp
)
