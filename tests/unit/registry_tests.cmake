# engine/registry: gates, roles, cairn.yaml sections, the audit chain, rollback (docs/registry.md).
cairn_add_test(tst_registry SOURCES tst_registry.cpp LIBS cairn_core LABELS unit)
