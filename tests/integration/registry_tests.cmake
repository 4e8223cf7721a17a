# The model registry, gates, approvals, the audit trail and model cards through the real binary
# (docs/registry.md). Included OPTIONAL from tests/integration/CMakeLists.txt. The --as test
# hook is honoured only with CAIRN_TEST_IDENTITY=1.
cairn_add_test(tst_registry_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registry_cli.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration ENV CAIRN_TEST_IDENTITY=1)
target_compile_definitions(tst_registry_cli PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>")
add_dependencies(tst_registry_cli cairn)

cairn_add_test(tst_cards SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cards.cpp ${CMAKE_CURRENT_LIST_DIR}/cli_harness.cpp
               LIBS cairn_core LABELS integration ENV CAIRN_TEST_IDENTITY=1)
target_compile_definitions(tst_cards PRIVATE CAIRN_BIN="$<TARGET_FILE:cairn>"
                           CAIRN_MCT_SCHEMA="${PROJECT_SOURCE_DIR}/tests/data/modelcard/model_card.schema.json")
add_dependencies(tst_cards cairn)
if(CAIRN_BUILD_GUI)
  add_dependencies(tst_cards cairn-render-pdf)
  target_compile_definitions(tst_cards PRIVATE CAIRN_HAVE_RENDER_PDF=1)
endif()
