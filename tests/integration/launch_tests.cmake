# Tests of multi-worker launching (engine/exec/process_group) on real processes, included from
# tests/integration/CMakeLists.txt. Paths are relative to this file.
cairn_add_test(tst_process_group SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_process_group.cpp LIBS cairn_core LABELS integration)

# Real PyTorch DDP (gloo on CPU) through ProcessGroup; skipped when python3 cannot import torch.
cairn_add_test(tst_ddp SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ddp.cpp LIBS cairn_core LABELS integration)
target_compile_definitions(tst_ddp PRIVATE DDP_SCRIPT="${CMAKE_CURRENT_LIST_DIR}/ddp_train.py")
set_tests_properties(tst_ddp PROPERTIES SKIP_REGULAR_EXPRESSION "SKIP   : ")
