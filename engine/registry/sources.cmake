# engine/registry: model versions, aliases, gates, roles and approvals, the audit chain and model
# cards (docs/registry.md), their store functions, engine requests and the `cairn model`,
# `cairn gate`, `cairn audit` and `cairn card` commands. Included at the end of
# engine/CMakeLists.txt.
target_sources(cairn_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/audit_chain.cpp
  ${CMAKE_CURRENT_LIST_DIR}/alias_stack.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gate_sources.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_gate_sources.cpp
  ${CMAKE_CURRENT_LIST_DIR}/gates.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/card_fields.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/store_registry.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../server/engine_registry.cpp
)
target_sources(cairn_cli PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../cli/registry_cli.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_gate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_audit.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_card.cpp
)
target_sources(cairn_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/card.cpp
  ${CMAKE_CURRENT_LIST_DIR}/card_mct.cpp
  ${CMAKE_CURRENT_LIST_DIR}/card_hf.cpp
  ${CMAKE_CURRENT_LIST_DIR}/card_charts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/card_html.cpp
)
