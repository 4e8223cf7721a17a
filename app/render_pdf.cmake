# cairn-render-pdf: lays out model cards as PDF with Qt (docs/registry.md#model-cards). Qt Gui
# and Svg only. Built next to the `cairn` binary (the Qt-free CLI looks for it there) and
# installed beside it.
find_package(Qt6 6.4 REQUIRED COMPONENTS Gui Svg)
add_executable(cairn-render-pdf ${CMAKE_CURRENT_LIST_DIR}/render_pdf/main.cpp
               ${PROJECT_SOURCE_DIR}/widgets/registry/card_pdf.cpp)
target_include_directories(cairn-render-pdf PRIVATE ${PROJECT_SOURCE_DIR})
target_link_libraries(cairn-render-pdf PRIVATE Qt6::Gui Qt6::Svg)
set_target_properties(cairn-render-pdf PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/engine)
install(TARGETS cairn-render-pdf RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
