# Contract tests of outpost-sim, by area, over real loopback HTTP.
foreach(name sim_leads sim_limits sim_actions sim_webhooks sim_admin)
    outpost_add_test(tst_${name} LABEL integration SOURCES tst_${name}.cpp LIBS outpost_simtestsupport)
endforeach()
