<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AssetsPage</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/assets/assets_page.py" line="+131"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClockWarningsPanel</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/sync/clock_panel.py" line="+62"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerAssetsTab</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/assets/customer_assets_tab.py" line="+129"/>
        <source>%n unit(s) here · deposits held {total} yuan</source>
        <translation>
            <numerusform>%n unit here · deposits held {total} yuan</numerusform>
            <numerusform>%n units here · deposits held {total} yuan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/customers/list_page.py" line="+151"/>
        <source>%Ln deleted customer(s)</source>
        <translation>
            <numerusform>%Ln deleted customer</numerusform>
            <numerusform>%Ln deleted customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueSection</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/visits/due_section.py" line="+58"/>
        <source>%n customer(s) due</source>
        <translation>
            <numerusform>%n customer due</numerusform>
            <numerusform>%n customers due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/print_preview.py" line="+101"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
</TS>
