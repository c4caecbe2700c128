# Contract tests of outpost-sim, by area, over real loopback HTTP.
foreach(name sim_leads sim_limits sim_actions sim_webhooks sim_admin sim_analytics)
    outpost_add_test(tst_${name} LABEL integration SOURCES tst_${name}.cpp LIBS outpost_simtestsupport)
endforeach()
outpost_add_test(tst_sim_cli LABEL integration SOURCES tst_sim_cli.cpp ENV "OUTPOST_SIM=$<TARGET_FILE:outpost-sim>")
add_dependencies(tst_sim_cli outpost-sim)
