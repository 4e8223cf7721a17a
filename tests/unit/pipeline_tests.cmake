# engine/pipeline: pipeline specs (Cairn's and dvc.yaml), validation, the stage graph.
cairn_add_test(tst_pipeline_errors SOURCES tst_pipeline_errors.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_pipeline_spec SOURCES tst_pipeline_spec.cpp LIBS cairn_core LABELS unit)
target_compile_definitions(tst_pipeline_spec PRIVATE CAIRN_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
# The editable document the canvas edits: byte-preserving saves, the emitter, ports and edges.
cairn_add_test(tst_pipeline_document SOURCES tst_pipeline_document.cpp LIBS cairn_core LABELS unit)
target_compile_definitions(tst_pipeline_document PRIVATE CAIRN_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
# The progress file `cairn pipeline run` writes for the workbench.
cairn_add_test(tst_pipeline_progress SOURCES tst_pipeline_progress.cpp LIBS cairn_core LABELS unit)
# parseYaml's two parsers (libyaml first, yaml-cpp for errors) give the same trees.
cairn_add_test(tst_yaml_parsers SOURCES tst_yaml_parsers.cpp LIBS cairn_core LABELS unit)
target_compile_definitions(tst_yaml_parsers PRIVATE CAIRN_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
