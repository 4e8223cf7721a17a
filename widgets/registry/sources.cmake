# widgets/registry: the Models view, the card editor and the card's PDF layout (docs/registry.md).
target_sources(cairn_widgets PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/models_view.h
  ${CMAKE_CURRENT_LIST_DIR}/models_view.cpp
  ${CMAKE_CURRENT_LIST_DIR}/card_editor.h
  ${CMAKE_CURRENT_LIST_DIR}/card_editor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/card_pdf.h
  ${CMAKE_CURRENT_LIST_DIR}/card_pdf.cpp
)
