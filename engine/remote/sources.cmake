# engine/remote: ssh and Slurm executors (docs/executors.md): cairn.yaml's `executors:`, the
# ssh transport, the Python agent sent to the far side, the remote job's supervisor, Slurm
# scripts and states, and `cairn executors`. Included at the end of engine/CMakeLists.txt.
file(READ ${CMAKE_CURRENT_LIST_DIR}/cairn_agent.py CAIRN_AGENT_TEXT)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/cairn_agent.py)
configure_file(${CMAKE_CURRENT_LIST_DIR}/agent_script.cpp.in ${CMAKE_CURRENT_BINARY_DIR}/agent_script.cpp @ONLY)
target_sources(cairn_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/executor_config.cpp
  ${CMAKE_CURRENT_LIST_DIR}/subprocess.cpp
  ${CMAKE_CURRENT_LIST_DIR}/follow_frames.cpp
  ${CMAKE_CURRENT_LIST_DIR}/transport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/agent_client.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remote_state.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remote_sync.cpp
  ${CMAKE_CURRENT_LIST_DIR}/slurm.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remote_supervisor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remote_follow.cpp
  ${CMAKE_CURRENT_BINARY_DIR}/agent_script.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../server/engine_remote.cpp
)
target_sources(cairn_cli PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../cli/cmd_executors.cpp
)
