# Settings every target of ours shares: warnings as errors on our code only
# (Qt stays on -isystem through its imported targets), and the Qt string rules.
function(outpost_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII
        QT_NO_CAST_TO_ASCII
        QT_NO_CAST_FROM_BYTEARRAY
        QT_NO_URL_CAST_FROM_STRING
        QT_USE_QSTRINGBUILDER
        QT_NO_FOREACH
        QT_DISABLE_DEPRECATED_BEFORE=0x060400
    )
    if(OUTPOST_TEST_HOOKS)
        target_compile_definitions(${target} PRIVATE OUTPOST_TEST_HOOKS)
    endif()
endfunction()

# Fails the configure step when a library that must stay headless links QtGui
# or QtWidgets, directly or through a dependency.
function(outpost_assert_headless target)
    get_target_property(libs ${target} LINK_LIBRARIES)
    get_target_property(ilibs ${target} INTERFACE_LINK_LIBRARIES)
    foreach(lib IN LISTS libs ilibs)
        if(lib MATCHES "Qt6::(Gui|Widgets|OpenGL|Charts)")
            message(FATAL_ERROR "${target} must not link ${lib}: core stays headless")
        endif()
    endforeach()
endfunction()
