# engine/query: the run search language, run listing in the store, `cairn runs --filter` and
# `cairn compare`.
cairn_add_test(tst_search SOURCES tst_search.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_run_compare SOURCES tst_run_compare.cpp LIBS cairn_core LABELS unit)
cairn_add_test(tst_cli_query SOURCES tst_cli_query.cpp LIBS cairn_cli LABELS unit)
cairn_add_test(tst_saved_views SOURCES tst_saved_views.cpp LIBS cairn_cli LABELS unit)
