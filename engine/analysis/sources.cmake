# engine/analysis, issue 9's part: stored reports (drift, validation, fairness), their engine
# request and the CLI commands that make and list them. Included at the end of
# engine/CMakeLists.txt so that adding a file here never touches the shared list there.
target_sources(cairn_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/drift_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drift_html.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validation_spec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/validation_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fairness.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fairness_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_html.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/store_reports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/store_alerts.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../store/alert_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../server/engine_reports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../server/engine_alerts.cpp
)
target_sources(cairn_cli PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../cli/report_cli.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_reports.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_validate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_fairness.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_alerts.cpp
)
