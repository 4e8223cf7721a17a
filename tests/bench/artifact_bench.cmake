# bench_artifacts (docs/artifacts.md): hashing and adding against sha256sum and openssl in the
# same run. Writes about 1.1 GiB under /tmp and removes it.
add_executable(bench_artifacts ${CMAKE_CURRENT_LIST_DIR}/bench_artifacts.cpp)
target_link_libraries(bench_artifacts PRIVATE cairn_core)
if(TARGET bench)
  add_dependencies(bench bench_artifacts)
  add_custom_command(TARGET bench POST_BUILD COMMAND bench_artifacts)
endif()
