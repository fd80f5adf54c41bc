<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AssetHistoryCounts</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/assets/history.py" line="+51"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetReviewCounts</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/assets/supervisor_views.py" line="+50"/>
        <source>%n concurrent event(s)</source>
        <translation>
            <numerusform>%n concurrent event</numerusform>
            <numerusform>%n concurrent events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/assets/assets_page.py" line="+132"/>
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
        <location filename="../../fieldcrm/ui/customers/list_page.py" line="+161"/>
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
    <name>DayBatchDialog</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/printing/day_dialog.py" line="+95"/>
        <source>%n route(s): {routes}; {stops} stops in all</source>
        <translation>
            <numerusform>%n route: {routes}; {stops} stops in all</numerusform>
            <numerusform>%n routes: {routes}; {stops} stops in all</numerusform>
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
    <name>MoveStopsDialog</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/routes/stop_dialogs.py" line="+113"/>
        <source>Move %n customer(s)</source>
        <translation>
            <numerusform>Move %n customer</numerusform>
            <numerusform>Move %n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/print_preview.py" line="+111"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>Sent %n page(s) to the printer</source>
        <translation>
            <numerusform>Sent %n page to the printer</numerusform>
            <numerusform>Sent %n pages to the printer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteActions</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/routes/route_actions.py" line="+210"/>
        <source>Take %n customer(s) off {route}?

{names}</source>
        <translation>
            <numerusform>Take %n customer off {route}?

{names}</numerusform>
            <numerusform>Take %n customers off {route}?

{names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutesPage</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/routes/routes_page.py" line="+307"/>
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n stop</numerusform>
            <numerusform>%n stops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n customer(s) without coordinates not on the map</source>
        <translation>
            <numerusform>%n customer without coordinates not on the map</numerusform>
            <numerusform>%n customers without coordinates not on the map</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncCounts</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/sync/texts.py" line="+62"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n conflict(s) to review below</source>
        <translation>
            <numerusform>%n conflict to review below</numerusform>
            <numerusform>%n conflicts to review below</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekPlanModel</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/routes/week_plan_view.py" line="+79"/>
        <source>%n stop(s), delivery</source>
        <translation>
            <numerusform>%n stop, delivery</numerusform>
            <numerusform>%n stops, delivery</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n due</numerusform>
            <numerusform>%n due</numerusform>
        </translation>
    </message>
</context>
</TS>
