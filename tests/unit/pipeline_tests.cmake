# engine/pipeline: pipeline specs (Cairn's and dvc.yaml), validation, the stage graph.
cairn_add_test(tst_pipeline_errors SOURCES tst_pipeline_errors.cpp LIBS cairn_core LABELS unit)
