<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../fieldcrm/printing/customer_card.py" line="+57"/>
        <location line="+14"/>
        <source>CustomerField</source>
        <translation>CustomerField</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/printing/inspection_sheet.py" line="+54"/>
        <source>AssetField</source>
        <translation>AssetField</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/printing/wording.py" line="+29"/>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/action_dialog.py" line="+114"/>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>AddStopDialog</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/stop_dialogs.py" line="+78"/>
        <source>Add a customer to {route}</source>
        <translation>向{route}添加客户</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{reason}

Move the customer to {route}?</source>
        <translation>{reason}

把该客户移到{route}吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move customer</source>
        <translation>移动客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Move here</source>
        <translation>移到这里(&amp;M)</translation>
    </message>
</context>
<context>
    <name>AssetActions</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/actions.py" line="+46"/>
        <source>No deposit is held for {tag}.</source>
        <translation>{tag} 没有押金。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit to refund: {amount} yuan to {customer}.</source>
        <translation>应退押金：向 {customer} 退还 {amount} 元。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New unit</source>
        <translation>新设备</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Register</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deploy {tag}</source>
        <translation>投放 {tag}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Deploy</source>
        <translation>投放(&amp;D)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Move {tag} to another customer</source>
        <translation>将 {tag} 转移到其他客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Move</source>
        <translation>转移(&amp;M)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retrieve {tag}</source>
        <translation>收回 {tag}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Retrieve</source>
        <translation>收回(&amp;R)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Inspect {tag}</source>
        <translation>巡检 {tag}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Save inspection</source>
        <translation>保存巡检(&amp;S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Repair of {tag} done</source>
        <translation>{tag} 维修完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repair &amp;done</source>
        <translation>维修完成(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send {tag} to repair</source>
        <translation>{tag} 报修</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Request repair</source>
        <translation>报修(&amp;R)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write off {tag}</source>
        <translation>核销 {tag}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Write off</source>
        <translation>核销(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A unit written off stays in the records but nothing more can happen to it.</source>
        <translation>核销后的设备仍保留在记录中，但不能再做任何操作。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Correct the location of {tag}</source>
        <translation>更正 {tag} 的位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Correct</source>
        <translation>更正(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the customer where the unit is, or leave it empty and give the warehouse.</source>
        <translation>请填写设备所在的客户；如不在客户处，请留空并填写仓库。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Refund the deposit</source>
        <translation>退还押金</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refund {amount} yuan to {customer}.</source>
        <translation>向 {customer} 退还 {amount} 元。</translation>
    </message>
</context>
<context>
    <name>AssetDialogs</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/action_dialog.py" line="-80"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images ({patterns})</source>
        <translation>图片 ({patterns})</translation>
    </message>
</context>
<context>
    <name>AssetField</name>
    <message>
        <location filename="../../fieldcrm/domain/asset_fields.py" line="+76"/>
        <source>Tag number</source>
        <translation>资产编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity (litres)</source>
        <translation>容量（升）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase date</source>
        <translation>购置日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase cost</source>
        <translation>购置成本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received on</source>
        <translation>入库日期</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Agreement number</source>
        <translation>协议编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit taken</source>
        <translation>已收押金</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clean</source>
        <translation>清洁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display as agreed</source>
        <translation>按协议陈列</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of our products (%)</source>
        <translation>本公司产品占比（%）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temperature (°C)</source>
        <translation>温度（°C）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working or faulty</source>
        <translation>正常或故障</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Inspect every (days)</source>
        <translation>巡检周期（天）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flag a share below (%)</source>
        <translation>占比低于此值时提示（%）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default warehouse</source>
        <translation>默认仓库</translation>
    </message>
</context>
<context>
    <name>AssetFilterBar</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/filter_bar.py" line="+28"/>
        <source>Search tag, serial, brand, model or customer</source>
        <translation>搜索资产编码、序列号、品牌、型号或客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any type</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+29"/>
        <source>Any territory</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>&amp;Overdue inspection</source>
        <translation>巡检逾期(&amp;O)</translation>
    </message>
</context>
<context>
    <name>AssetHistory</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/history.py" line="+39"/>
        <source>Deposit refunded</source>
        <translation>押金已退还</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>原位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>新位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>photo not yet received</source>
        <translation>照片尚未收到</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Photo {number}</source>
        <translation>照片 {number}</translation>
    </message>
</context>
<context>
    <name>AssetHistoryCounts</name>
    <message numerus="yes">
        <location line="-58"/>
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n 张照片</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetList</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/list_model.py" line="+47"/>
        <source>{date} (overdue)</source>
        <translation>{date}（已逾期）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tag</source>
        <translation>资产编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territory</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last inspected</source>
        <translation>上次巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next inspection</source>
        <translation>下次巡检</translation>
    </message>
</context>
<context>
    <name>AssetReview</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/supervisor_views.py" line="+40"/>
        <source>nowhere</source>
        <translation>无位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer {id}</source>
        <translation>客户 {id}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>history says {place}</source>
        <translation>历史记录为 {place}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+10"/>
        <source>Tag</source>
        <translation>资产编码</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territory</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>巡检日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>巡检人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded at</source>
        <translation>记录位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Deployed units whose latest inspection found them faulty, unclean, badly displayed or low on our share. Enter opens a unit.</source>
        <translation>最近一次巡检发现故障、不清洁、陈列不符合协议或本公司产品占比偏低的已投放设备。按 Enter 键打开设备。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Units whose history disagrees with their record, mostly after two laptops moved the same unit offline. Correct each to where it really is.</source>
        <translation>历史记录与档案不符的设备，多因两台电脑在离线时转移了同一台设备。请逐一更正为实际所在位置。</translation>
    </message>
</context>
<context>
    <name>AssetReviewCounts</name>
    <message numerus="yes">
        <location line="-102"/>
        <source>%n concurrent event(s)</source>
        <translation>
            <numerusform>%n 个并发事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 台设备</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetTexts</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/texts.py" line="+100"/>
        <source>Warehouse {name}</source>
        <translation>仓库 {name}</translation>
    </message>
</context>
<context>
    <name>AssetWindow</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/asset_window.py" line="+57"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Brand and model</source>
        <translation>品牌型号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capacity (litres)</source>
        <translation>容量（升）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Placed</source>
        <translation>投放情况</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspections</source>
        <translation>巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Deploy…</source>
        <translation>投放(&amp;D)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Inspect…</source>
        <translation>巡检(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move…</source>
        <translation>转移(&amp;M)…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Retrieve…</source>
        <translation>收回(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>Re&amp;pair…</source>
        <translation>报修(&amp;P)…</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>&amp;Write off…</source>
        <translation>核销(&amp;W)…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>History, newest first</source>
        <translation>历史记录（最新的在前）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unit {tag}</source>
        <translation>设备 {tag}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>since {date} · agreement {agreement} · deposit held {deposit} yuan</source>
        <translation>自 {date} 起 · 协议号 {agreement} · 押金 {deposit} 元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>never</source>
        <translation>从未巡检</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last {last}</source>
        <translation>上次 {last}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last {last} · overdue since {due}</source>
        <translation>上次 {last} · 自 {due} 起逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last {last} · next by {due}</source>
        <translation>上次 {last} · 下次应在 {due} 前</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Re&amp;pair done…</source>
        <translation>维修完成(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>AssetsPage</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/assets_page.py" line="+65"/>
        <source>&amp;New unit…</source>
        <translation>新建设备(&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Units</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Flagged</source>
        <translation>异常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 台设备</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <location filename="../../fieldcrm/domain/asset_fields.py" line="-121"/>
        <source>Freezer</source>
        <translation>冰柜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cooler</source>
        <translation>冷藏展示柜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display rack</source>
        <translation>陈列架</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signage</source>
        <translation>门头招牌</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../fieldcrm/domain/classifications.py" line="+59"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployed</source>
        <translation>已投放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In repair</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retired</source>
        <translation>已报废</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/classifications.py" line="+22"/>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/asset_fields.py" line="+1"/>
        <location line="+26"/>
        <source>Lost</source>
        <comment>an asset that cannot be found</comment>
        <translation>丢失</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Received into stock</source>
        <translation>入库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deployed to customer</source>
        <translation>投放到客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected</source>
        <translation>已巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair requested</source>
        <translation>报修</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repair done</source>
        <translation>维修完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved to another customer</source>
        <translation>转移到其他客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieved to stock</source>
        <translation>收回入库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written off</source>
        <translation>核销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location corrected after review</source>
        <translation>复核后更正位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Working</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Faulty</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Damaged beyond repair</source>
        <translation>损坏无法修复</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not clean</source>
        <translation>不清洁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display not as agreed</source>
        <translation>陈列不符合协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low share of our products</source>
        <translation>本公司产品占比偏低</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/classifications.py" line="-50"/>
        <source>Government body</source>
        <translation>政府机关</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special/partner company</source>
        <translation>特殊/合作企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordinary company</source>
        <translation>一般企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trading partner</source>
        <translation>贸易伙伴</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State-owned</source>
        <translation>国有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collective</source>
        <translation>集体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private</source>
        <translation>私营</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joint-stock</source>
        <translation>股份制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joint venture</source>
        <translation>合资</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wholesale</source>
        <translation>批发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retail</source>
        <translation>零售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Franchise</source>
        <translation>特许加盟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain</source>
        <translation>连锁</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specialty store</source>
        <translation>专卖店</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Business centre</source>
        <translation>商业中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport hub</source>
        <translation>交通枢纽</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residential</source>
        <translation>居民区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Key</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>一般客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scattered</source>
        <translation>零散客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>AAA (excellent)</source>
        <translation>AAA（优秀）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AA (good)</source>
        <translation>AA（良好）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A (fair)</source>
        <translation>A（一般）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B (watch)</source>
        <translation>B（关注）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C (cash only)</source>
        <translation>C（仅限现款）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sole proprietorship</source>
        <translation>个人独资</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partnership</source>
        <translation>合伙企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limited company</source>
        <translation>有限责任公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listed company</source>
        <translation>上市公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public institution</source>
        <translation>事业单位</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Eager to cooperate</source>
        <translation>积极合作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cooperative</source>
        <translation>愿意合作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reluctant</source>
        <translation>不太配合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hostile</source>
        <translation>抵触</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sales rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery staff</source>
        <translation>送货员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/visit_fields.py" line="+30"/>
        <source>Routine visit</source>
        <translation>例行拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New-customer development</source>
        <translation>新客户开发</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/route_values.py" line="+36"/>
        <source>District</source>
        <translation>分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Visiting</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../fieldcrm/domain/visit_fields.py" line="+1"/>
        <source>Delivery</source>
        <translation>送货</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not pinned</source>
        <translation>不固定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First</source>
        <translation>第一站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last</source>
        <translation>最后一站</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed place</source>
        <translation>固定位置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/visit_fields.py" line="+1"/>
        <source>Collection</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint handling</source>
        <translation>投诉处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asset service</source>
        <translation>资产服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promotion</source>
        <translation>促销</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>未拜访</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Customer closing</source>
        <translation>客户停业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Big complaint</source>
        <translation>重大投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor move</source>
        <translation>竞争对手动向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit risk</source>
        <translation>信用风险</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Placed</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/asset_review.py" line="+33"/>
        <source>Moved on two laptops at once</source>
        <translation>在两台电脑上同时被转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location disagrees with history</source>
        <translation>位置与历史记录不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status disagrees with location</source>
        <translation>状态与位置不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At a retired or unknown customer</source>
        <translation>位于已删除或未知的客户处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag used by two units</source>
        <translation>同一编码用于两台设备</translation>
    </message>
</context>
<context>
    <name>ClockWarningsPanel</name>
    <message>
        <location filename="../../fieldcrm/ui/sync/clock_panel.py" line="+24"/>
        <source>Clocks running ahead</source>
        <translation>时钟超前的电脑</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dismiss (the clock has been put right)</source>
        <translation>忽略（时钟已校正）</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{user}&apos;s laptop clock runs {ahead} ahead (noticed {when})</source>
        <translation>{user} 的电脑时钟快了 {ahead}（发现于 {when}）</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <location filename="../../fieldcrm/ui/sync/conflicts_panel.py" line="+38"/>
        <source>Conflicts to review</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No conflicts: every field has one agreed value.</source>
        <translation>没有冲突：每个项目都只有一个一致的值。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Keep deleted</source>
        <translation>保留删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore with the edit</source>
        <translation>恢复并保留修改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep current</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use other value</source>
        <translation>采用另一个值</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../fieldcrm/ui/crash.py" line="+78"/>
        <source>FieldCRM ran into an unexpected problem. Everything you saved is safe; an edit that was not saved yet may need to be redone.

The details were written to:
{path}

Please send that file to your administrator.</source>
        <translation>FieldCRM 遇到了意外问题。已保存的数据都是安全的；尚未保存的修改可能需要重新填写。

详细信息已写入：
{path}

请把这个文件发给系统管理员。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>FieldCRM</source>
        <translation>FieldCRM</translation>
    </message>
</context>
<context>
    <name>Credit</name>
    <message>
        <location filename="../../fieldcrm/domain/orders.py" line="+53"/>
        <source>This order of {order} yuan takes the customer over the credit limit: limit {limit}, already used {used}, left {left} yuan</source>
        <translation>这张 {order} 元的订单将使客户超出信用额度：额度 {limit}，已用 {used}，剩余 {left} 元</translation>
    </message>
</context>
<context>
    <name>CustomerAssets</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/customer_assets_tab.py" line="+38"/>
        <source>{date} (overdue)</source>
        <translation>{date}（已逾期）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tag</source>
        <translation>资产编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>协议号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit held</source>
        <translation>押金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last inspected</source>
        <translation>上次巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next inspection</source>
        <translation>下次巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>异常</translation>
    </message>
</context>
<context>
    <name>CustomerAssetsTab</name>
    <message>
        <location line="+8"/>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Inspect…</source>
        <translation>巡检(&amp;I)…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No units at this customer.</source>
        <translation>此客户处没有设备。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n unit(s) here · deposits held {total} yuan</source>
        <translation>
            <numerusform>此处共 %n 台设备 · 押金合计 {total} 元</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../fieldcrm/ui/customers/display.py" line="+22"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <location filename="../../fieldcrm/ui/customers/editor.py" line="+95"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save customer</source>
        <translation>保存客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open a customer from the list (Enter or double-click), or create one with Ctrl+N.</source>
        <translation>在列表中打开客户（按回车键或双击），或按 Ctrl+N 新建客户。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Only a supervisor may change this field</source>
        <translation>只有主管可以修改此项</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{label} *</source>
        <translation>{label} *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{label} (supervisor)</source>
        <translation>{label}（主管）</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The workspace is open read-only; cards cannot be changed.</source>
        <translation>工作区以只读方式打开，客户档案卡不能修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This customer is deleted. Restore it from the list to edit the card.</source>
        <translation>该客户已删除。请先在列表中恢复，再编辑档案卡。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save the card first: the print shows the stored card</source>
        <translation>请先保存档案：打印的是已保存的档案</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Discard the changes to {card}?</source>
        <translation>放弃对 {card} 的修改？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The new customer</source>
        <translation>新客户</translation>
    </message>
</context>
<context>
    <name>CustomerField</name>
    <message>
        <location filename="../../fieldcrm/domain/customer_fields.py" line="+44"/>
        <source>Basic data</source>
        <translation>基础资料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner, manager, legal representative</source>
        <translation>老板、经理与法定代表人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characteristics</source>
        <translation>客户特征</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business status</source>
        <translation>业务状况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trading status</source>
        <translation>交易现状</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classification</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+160"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Owner: name</source>
        <translation>老板：姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner: personality</source>
        <translation>老板：性格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner: hobbies</source>
        <translation>老板：爱好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner: family</source>
        <translation>老板：家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner: education</source>
        <translation>老板：学历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner: age</source>
        <translation>老板：年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner: capability</source>
        <translation>老板：能力</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Manager: name</source>
        <translation>经理：姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager: personality</source>
        <translation>经理：性格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager: hobbies</source>
        <translation>经理：爱好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager: family</source>
        <translation>经理：家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager: education</source>
        <translation>经理：学历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager: age</source>
        <translation>经理：年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manager: capability</source>
        <translation>经理：能力</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Legal representative: name</source>
        <translation>法定代表人：姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal representative: personality</source>
        <translation>法定代表人：性格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal representative: hobbies</source>
        <translation>法定代表人：爱好</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal representative: family</source>
        <translation>法定代表人：家庭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal representative: education</source>
        <translation>法定代表人：学历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal representative: age</source>
        <translation>法定代表人：年龄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal representative: capability</source>
        <translation>法定代表人：能力</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phones</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact persons</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trading with us since</source>
        <translation>开始合作日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation form</source>
        <translation>组织形式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets</source>
        <translation>资产规模</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service area</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales capacity</source>
        <translation>销售能力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Growth potential</source>
        <translation>发展潜力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business philosophy and policies</source>
        <translation>经营理念与方针</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annual sales</source>
        <translation>年销售额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Management style</source>
        <translation>管理风格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sales record with us</source>
        <translation>与本公司的销售业绩</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality of managers</source>
        <translation>管理人员素质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quality of sales staff</source>
        <translation>销售人员素质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relations with competitors</source>
        <translation>与竞争对手的关系</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship with us</source>
        <translation>与本公司的关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attitude to cooperation</source>
        <translation>合作态度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current sales activity</source>
        <translation>当前销售活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strengths</source>
        <translation>优势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next strategy</source>
        <translation>下一步对策</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reputation and image</source>
        <translation>信誉与形象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit grade</source>
        <translation>信用等级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past credit incidents</source>
        <translation>以往信用问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nature</source>
        <translation>客户性质</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ownership</source>
        <translation>所有制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Location type</source>
        <translation>商圈类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lifecycle</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territory</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsible rep</source>
        <translation>负责业务员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/customer_picker.py" line="+24"/>
        <source>Customer code, name or phone</source>
        <translation>客户编号、名称或电话</translation>
    </message>
</context>
<context>
    <name>CustomerVisitsTab</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/customer_visits_tab.py" line="+38"/>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Log visit</source>
        <translation>记录拜访(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Under 30 days</source>
        <translation>30 天以内</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>30–59 days</source>
        <translation>30–59 天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>60–89 days</source>
        <translation>60–89 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>90 days or more</source>
        <translation>90 天及以上</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Owes {outstanding} (billed {debts}, paid {paid})</source>
        <translation>欠款 {outstanding}（应收 {debts}，已付 {paid}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No credit limit</source>
        <translation>未设信用额度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit limit {limit} · used {used} · left {left}</source>
        <translation>信用额度 {limit} · 已用 {used} · 剩余 {left}</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../fieldcrm/ui/customers/list_page.py" line="+63"/>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+168"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print cards…</source>
        <translation>打印档案卡(&amp;P)…</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%Ln deleted customer(s)</source>
        <translation>
            <numerusform>%Ln 个已删除客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Delete {card}?

The card moves to the deleted customers, where it can be restored.</source>
        <translation>删除 {card}？

档案卡会移到“已删除客户”中，可以从那里恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
</context>
<context>
    <name>DailyReportSection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/daily_report_section.py" line="+129"/>
        <source>Date (YYYY-MM-DD)</source>
        <translation>日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submit the report first: the print is the submitted version</source>
        <translation>请先提交日报：打印的是已提交的版本</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Customers visited</source>
        <translation>拜访客户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits done</source>
        <translation>完成拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits missed</source>
        <translation>未完成拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still planned</source>
        <translation>仍在计划中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily report of {rep} for {day}</source>
        <translation>{rep} 的业务日报（{day}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visited</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>未拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉与异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Market information</source>
        <translation>市场信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Urgent reports</source>
        <translation>紧急情况</translation>
    </message>
</context>
<context>
    <name>DayBatchDialog</name>
    <message>
        <location filename="../../fieldcrm/ui/printing/day_dialog.py" line="+33"/>
        <source>Print all routes of a day</source>
        <translation>打印某天的全部路线</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every rep</source>
        <translation>全部业务代表</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Preview…</source>
        <translation>预览(&amp;P)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Rep:</source>
        <translation>业务代表(&amp;R)：</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n route(s): {routes}; {stops} stops in all</source>
        <translation>
            <numerusform>%n 条路线：{routes}；共 {stops} 个网点</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DueSection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/due_section.py" line="+24"/>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territory</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Log visit</source>
        <translation>记录拜访(&amp;L)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log visit</source>
        <translation>记录拜访</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n customer(s) due</source>
        <translation>
            <numerusform>%n 个客户待拜访</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../fieldcrm/domain/asset_fields.py" line="+76"/>
        <source>{field}: &apos;{value}&apos; may hold only letters, digits and - _ . /</source>
        <translation>{field}：“{value}”只能包含字母、数字和 - _ . /</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/asset_rules.py" line="+27"/>
        <source>{field}: {tag} is {status}; only a unit in stock can be deployed</source>
        <translation>{field}：{tag} 的状态是{status}；只有在库的设备才能投放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is {status}; only a deployed unit can be moved</source>
        <translation>{field}：{tag} 的状态是{status}；只有已投放的设备才能转移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is not at a customer (it is {status} at {place})</source>
        <translation>{field}：{tag} 不在客户处（它在 {place}，状态为{status}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is not at customer {customer} (it is at {place})</source>
        <translation>{field}：{tag} 不在客户 {customer} 处（它在 {place}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is already at {place}</source>
        <translation>{field}：{tag} 已经在 {place}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is already in repair</source>
        <translation>{field}：{tag} 已在维修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is {status}, not in repair</source>
        <translation>{field}：{tag} 的状态是{status}，不在维修中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is written off ({status}); nothing more can happen to it</source>
        <translation>{field}：{tag} 已核销（{status}），不能再做任何操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is in repair; record the repair as done first</source>
        <translation>{field}：{tag} 正在维修；请先登记维修完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is in the future</source>
        <translation>{field}：{value} 是将来的日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is before the unit&apos;s last event ({last})</source>
        <translation>{field}：{value} 早于该设备的上一条记录（{last}）</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/catalogue.py" line="+26"/>
        <source>catalogue: only a supervisor may change the product catalogue</source>
        <translation>产品目录：只有主管可以修改产品目录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: SKU {value} is already in the catalogue</source>
        <translation>{field}：产品编码 {value} 已在目录中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>product: no product with id or SKU &apos;{id}&apos;</source>
        <translation>产品：没有编号或产品编码为“{id}”的产品</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/assets.py" line="+49"/>
        <source>tag: no asset with tag &apos;{tag}&apos;</source>
        <translation>资产编码：没有编码为“{tag}”的资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag: {count} units carry tag {tag}; open one by its id from the review list</source>
        <translation>资产编码：有 {count} 台设备使用编码 {tag}；请在复核列表中按编号打开其中一台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is already the tag of another unit</source>
        <translation>{field}：{value} 已是另一台设备的编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../fieldcrm/domain/customers.py" line="+23"/>
        <source>customer: no customer with id or code &apos;{id}&apos;</source>
        <translation>客户：没有编号为“{id}”的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: at most {limit} photos per inspection</source>
        <translation>{field}：每次巡检最多 {limit} 张照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {tag} is already inspected at this visit</source>
        <translation>{field}：{tag} 在本次拜访中已巡检过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: give either a customer or a warehouse</source>
        <translation>{field}：请指定客户或仓库之一</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: must be at least 0</source>
        <translation>{field}：不能小于 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag: only a supervisor or administrator may register units</source>
        <translation>资产编码：只有主管或管理员可以登记设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reason: only a supervisor or administrator may write units off</source>
        <translation>原因：只有主管或管理员可以核销设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>location: only a supervisor or administrator may correct a location</source>
        <translation>位置：只有主管或管理员可以更正位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>settings: only a supervisor or administrator may change asset settings</source>
        <translation>设置：只有主管或管理员可以修改资产设置</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/customers.py" line="+1"/>
        <location filename="../../fieldcrm/sync/conflicts.py" line="+44"/>
        <source>{field}: only a supervisor may change this field</source>
        <translation>{field}：只有主管可以修改此项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: cannot filter by this field</source>
        <translation>{field}：不能按此项筛选</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/orders.py" line="-14"/>
        <source>order: no order with id or code &apos;{id}&apos;</source>
        <translation>订单：没有编号为“{id}”的订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: an order needs at least one line</source>
        <translation>{field}：订单至少需要一行明细</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: line {line} should be product, quantity, price, discount</source>
        <translation>{field}：第 {line} 行应为 产品, 数量, 单价, 折扣</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: no product with SKU or id &apos;{value}&apos;</source>
        <translation>{field}：没有产品编码或编号为“{value}”的产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is no longer sold</source>
        <translation>{field}：{value} 已停售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: discount is more than the line&apos;s amount</source>
        <translation>{field}：折扣超过了该行金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: this order takes the customer {excess} yuan over the credit limit of {limit} yuan; give a reason to save it anyway</source>
        <translation>{field}：这张订单将使客户超出 {limit} 元信用额度 {excess} 元；如仍要保存，请填写原因</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{field}: an order that is {current} cannot become {value}</source>
        <translation>{field}：状态为{current}的订单不能改为{value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is before the order date {order_date}</source>
        <translation>{field}：{value} 早于下单日期 {order_date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order: only a supervisor may review an over-limit order</source>
        <translation>订单：只有主管可以审核超额订单</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/planning.py" line="+34"/>
        <source>frequency_days: only a supervisor may change visit frequencies</source>
        <translation>拜访周期：只有主管可以修改拜访频率</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/references.py" line="+22"/>
        <location filename="../../fieldcrm/domain/territories.py" line="+39"/>
        <source>{field}: no customer with id or code &apos;{value}&apos;</source>
        <translation>{field}：没有编号为“{value}”的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../fieldcrm/domain/territories.py" line="+1"/>
        <source>{field}: customer {value} is retired</source>
        <translation>{field}：客户 {value} 已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: no visit with id or code &apos;{value}&apos;</source>
        <translation>{field}：没有编号为“{value}”的拜访记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: visit {value} was at another customer</source>
        <translation>{field}：拜访 {value} 是在另一个客户处</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/reports.py" line="+37"/>
        <source>{field}: &apos;{value}&apos; is not a month in the form YYYY-MM</source>
        <translation>{field}：“{value}”不是 YYYY-MM 格式的月份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rep: a rep submits only their own reports</source>
        <translation>业务员：业务员只能提交自己的报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgent: only a supervisor may acknowledge an urgent report</source>
        <translation>紧急报告：只有主管可以确认紧急报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>urgent: no urgent report with id or code &apos;{id}&apos;</source>
        <translation>紧急报告：没有编号为“{id}”的紧急报告</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/validation.py" line="+22"/>
        <source>{field}: unknown field</source>
        <translation>{field}：未知的项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: is required</source>
        <translation>{field}：必须填写</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../fieldcrm/printing/settings.py" line="+29"/>
        <source>{field}: longer than {limit} characters</source>
        <translation>{field}：超过 {limit} 个字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is not a whole number</source>
        <translation>{field}：“{value}”不是整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is not an amount (for example 1200.50)</source>
        <translation>{field}：“{value}”不是金额（例如 1200.50）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: must be at least {limit}</source>
        <translation>{field}：不能小于 {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: must be at most {limit}</source>
        <translation>{field}：不能大于 {limit}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is not a date in the form YYYY-MM-DD</source>
        <translation>{field}：“{value}”不是 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is not a real calendar date</source>
        <translation>{field}：“{value}”不是有效的日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is not a phone number</source>
        <translation>{field}：“{value}”不是电话号码</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/route_values.py" line="-48"/>
        <location filename="../../fieldcrm/domain/validation.py" line="+1"/>
        <location filename="../../fieldcrm/printing/settings.py" line="-1"/>
        <source>{field}: &apos;{value}&apos; is not one of {allowed}</source>
        <translation>{field}：“{value}”不在可选范围内（{allowed}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is not a position as LATITUDE,LONGITUDE (for example 30.27,120.15)</source>
        <translation>{field}：“{value}”不是“纬度,经度”格式的位置（例如 30.27,120.15）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is outside latitude -90 to 90 or longitude -180 to 180</source>
        <translation>{field}：“{value}”超出纬度 -90 到 90 或经度 -180 到 180 的范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is not a weekday (mon, tue, wed, thu, fri, sat, sun)</source>
        <translation>{field}：“{value}”不是星期几（mon, tue, wed, thu, fri, sat, sun）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../fieldcrm/domain/territories.py" line="+1"/>
        <source>{field}: {value} is given twice</source>
        <translation>{field}：{value} 重复填写了</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/validation.py" line="+1"/>
        <source>{field}: &apos;{value}&apos; is not a number</source>
        <translation>{field}：“{value}”不是数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is outside -90 to 90</source>
        <translation>{field}：{value} 超出 -90 到 90 的范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is outside -180 to 180</source>
        <translation>{field}：{value} 超出 -180 到 180 的范围</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/visit_fields.py" line="-38"/>
        <source>{field}: &apos;{value}&apos; is not a time in the form HH:MM</source>
        <translation>{field}：“{value}”不是 HH:MM 格式的时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: must be more than 0</source>
        <translation>{field}：必须大于 0</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/visits.py" line="+32"/>
        <source>visit: no visit with id or code &apos;{id}&apos;</source>
        <translation>拜访：没有编号为“{id}”的拜访记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: check-out {value} is before check-in {check_in}</source>
        <translation>{field}：离店时间 {value} 早于到店时间 {check_in}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: a check-out needs a check-in time</source>
        <translation>{field}：填写离店时间前需要先有到店时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: a planned visit has no check-in yet; set the status to done</source>
        <translation>{field}：计划中的拜访还没有到店时间；请把状态改为已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is before the visit date {visit_date}</source>
        <translation>{field}：{value} 早于拜访日期 {visit_date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: a rep logs visits only under their own name</source>
        <translation>{field}：业务员只能以自己的名义登记拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visit: {code} belongs to {rep}; only they or a supervisor may change it</source>
        <translation>拜访：{code} 属于 {rep}；只有本人或主管可以修改</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/storage/attachments.py" line="+33"/>
        <source>{field}: &apos;{value}&apos; cannot be read</source>
        <translation>{field}：无法读取“{value}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is not a JPEG, PNG, WebP or HEIC image</source>
        <translation>{field}：“{value}”不是 JPEG、PNG、WebP 或 HEIC 图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is larger than {limit} MB</source>
        <translation>{field}：“{value}”超过 {limit} MB</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/printing/output.py" line="+21"/>
        <source>output: cannot write {path} ({reason})</source>
        <translation>输出：无法写入 {path}（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output: {path} is a folder; give a file name</source>
        <translation>输出：{path} 是文件夹；请给出文件名</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/printing/settings.py" line="-1"/>
        <source>{field}: cannot read the image {path} ({reason})</source>
        <translation>{field}：无法读取图片 {path}（{reason}）</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/printing/sources.py" line="+49"/>
        <source>{field}: no customers on route &apos;{value}&apos;</source>
        <translation>{field}：路线“{value}”上没有客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: no customers in territory &apos;{value}&apos;</source>
        <translation>{field}：片区“{value}”内没有客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daily report: {rep} has not submitted a report for {date}</source>
        <translation>日报：{rep} 尚未提交 {date} 的日报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inspection sheet: no units are deployed at the customers of route &apos;{route}&apos;</source>
        <translation>巡检单：路线“{route}”的客户处没有投放的设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>visit sheet: the workspace is open read-only, so the sheet&apos;s {count} new visits cannot be planned</source>
        <translation>拜访单：工作区以只读方式打开，无法为拜访单安排 {count} 次新拜访</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/territories.py" line="-10"/>
        <source>{field}: no territory with id or name &apos;{value}&apos;</source>
        <translation>{field}：没有编号或名称为“{value}”的片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; names {count} territories; use the id</source>
        <translation>{field}：名为“{value}”的片区有 {count} 个；请使用编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: a territory named &apos;{value}&apos; already exists</source>
        <translation>{field}：已有名为“{value}”的片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: a {level} goes under a {parent_level}; name its parent</source>
        <translation>{field}：{level}应隶属于{parent_level}；请指定上级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: under the {parent_level} &apos;{parent}&apos; only a {child_level} can go, not a {level}</source>
        <translation>{field}：{parent_level}“{parent}”下只能设{child_level}，不能设{level}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is a zone; zones have no territories under them</source>
        <translation>{field}：“{value}”是片区，片区下不能再设下级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; is a {level}; customers belong to zones</source>
        <translation>{field}：“{value}”是{level}；客户只能归属于片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>territory: only a supervisor may change the territory tree</source>
        <translation>片区：只有主管可以修改片区结构</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/routes.py" line="+43"/>
        <source>{field}: no route with id or name &apos;{value}&apos;</source>
        <translation>{field}：没有编号或名称为“{value}”的路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: &apos;{value}&apos; names {count} routes; use the id</source>
        <translation>{field}：名为“{value}”的路线有 {count} 条；请使用编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: a route named &apos;{value}&apos; already exists</source>
        <translation>{field}：已有名为“{value}”的路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is already on route {route}</source>
        <translation>{field}：{value} 已在路线 {route} 上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is on {kind} route {route}; move it from there</source>
        <translation>{field}：{value} 在{kind}路线 {route} 上；请从那条路线移过来</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is on no {kind} route; assign it instead</source>
        <translation>{field}：{value} 不在任何{kind}路线上；请改为分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is not on route {route}</source>
        <translation>{field}：{value} 不在路线 {route} 上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: {value} is in zone {zone}, outside route {route}&apos;s territory {territory}</source>
        <translation>{field}：{value} 在片区 {zone}，不在路线 {route} 的片区 {territory} 内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>depot: route {route} has no start point; set one first</source>
        <translation>出发点：路线 {route} 没有出发点；请先设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>order: expected each of the route&apos;s {count} stops exactly once</source>
        <translation>顺序：路线的 {count} 个站点应各出现一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: not a route field (one of {allowed})</source>
        <translation>{field}：不是路线的项目（可选：{allowed}）</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/route_split.py" line="+31"/>
        <source>zone: {zone} has no customers to split</source>
        <translation>片区：{zone} 没有可拆分的客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>routes: {value} is not between 1 and {count}, the number of customers</source>
        <translation>路线：{value} 不在 1 到客户数 {count} 之间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>depot: no route in {zone} has a start point and no customer has coordinates; give one</source>
        <translation>出发点：{zone} 内没有路线设有出发点，也没有客户有坐标；请指定一个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>routes: route {number} of the split has no customers</source>
        <translation>路线：拆分出的第 {number} 条路线没有客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>customer: {value} is not in {zone}</source>
        <translation>客户：{value} 不在 {zone} 内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>names: {count} routes need {count} names, got {given}</source>
        <translation>名称：{count} 条路线需要 {count} 个名称，实际给了 {given} 个</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/domain/visit_entry.py" line="+40"/>
        <source>{field}: only a visit that took place (done) can record inspections</source>
        <translation>{field}：只有已完成的拜访才能记录巡检</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/printing/day_sheets.py" line="+30"/>
        <source>{field}: no route with stops runs on {value}</source>
        <translation>{field}：{value} 没有安排有网点的路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: no route of {rep} with stops runs on {value}</source>
        <translation>{field}：{value} 没有 {rep} 的有网点路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{field}: a rep prints only their own routes</source>
        <translation>{field}：业务代表只能打印自己的路线</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/ui/printing/printer.py" line="+26"/>
        <source>printer: cannot print on {printer}</source>
        <translation>打印机：无法在 {printer} 上打印</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer: the document could not be read back for printing</source>
        <translation>打印机：无法读回文档进行打印</translation>
    </message>
</context>
<context>
    <name>FieldForm</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/field_form.py" line="+48"/>
        <source>{label} *</source>
        <translation>{label} *</translation>
    </message>
</context>
<context>
    <name>FieldGrid</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/field_grid.py" line="+44"/>
        <source>{label} *</source>
        <translation>{label} *</translation>
    </message>
</context>
<context>
    <name>FieldInput</name>
    <message>
        <location filename="../../fieldcrm/ui/customers/field_widgets.py" line="+108"/>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount in yuan, e.g. 1200.50</source>
        <translation>金额（元），如 1200.50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 0571-88886666, 13800001111</source>
        <translation>如 0571-88886666, 13800001111</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 30.2741</source>
        <translation>如 30.2741</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 120.1551</source>
        <translation>如 120.1551</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../fieldcrm/ui/customers/filters.py" line="+33"/>
        <source>Search name, code, phone, address, contact or pinyin (e.g. zscs)</source>
        <extracomment>filters whose values are whatever is in use, not a fixed list the search text (after a short pause in typing), a filter or the deleted switch changed</extracomment>
        <translation>搜索名称、编号、电话、地址、联系人或拼音（如 zscs）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show &amp;deleted customers</source>
        <translation>显示已删除客户(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the deleted customers, which can be restored</source>
        <translation>列出已删除的客户，可从中恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+40"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../fieldcrm/ui/dialogs/first_start.py" line="+26"/>
        <source>Welcome to FieldCRM</source>
        <translation>欢迎使用 FieldCRM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workspace ({folder}) is new. Tell FieldCRM who uses this laptop: your name is recorded with every change you make, and your role decides what you may edit.</source>
        <translation>这是一个新的工作区（{folder}）。请告诉 FieldCRM 谁在使用这台电脑：您的每一次修改都会记录您的姓名，您的角色决定您可以修改哪些内容。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Optional, e.g. 西湖区</source>
        <translation>可不填，如 西湖区</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your &amp;name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Territory:</source>
        <translation>片区(&amp;T)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../fieldcrm/ui/customers/history.py" line="+65"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>原值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>新值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
</context>
<context>
    <name>IndexRebuildStatus</name>
    <message>
        <location filename="../../fieldcrm/ui/index_rebuild.py" line="+50"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop updating the search index; it carries on when FieldCRM next starts</source>
        <translation>停止更新搜索索引；下次启动 FieldCRM 时继续</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The search index is out of date: results may be incomplete</source>
        <translation>搜索索引已过时：搜索结果可能不完整</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updating the search index: results may be incomplete</source>
        <translation>正在更新搜索索引：搜索结果可能不完整</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Search index update stopped: results may be incomplete until FieldCRM next starts</source>
        <translation>搜索索引更新已停止：在下次启动 FieldCRM 之前搜索结果可能不完整</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The search index could not be updated: {reason}</source>
        <translation>无法更新搜索索引：{reason}</translation>
    </message>
</context>
<context>
    <name>InspectionRow</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/inspection_section.py" line="+39"/>
        <source>Inspect {tag} ({type})</source>
        <translation>巡检 {tag}（{type}）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Never checked</source>
        <translation>从未巡检</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last checked {last} · overdue since {due}</source>
        <translation>上次巡检 {last} · 自 {due} 起逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last checked {last} · next by {due}</source>
        <translation>上次巡检 {last} · 下次应于 {due} 前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last checked {last}</source>
        <translation>上次巡检 {last}</translation>
    </message>
</context>
<context>
    <name>InspectionSection</name>
    <message>
        <location line="+49"/>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The units at this customer. Tick a unit to record its inspection with this visit; a unit left unticked is not inspected.</source>
        <translation>该客户处的设备。勾选设备即可随本次拜访记录巡检；未勾选的设备不做巡检。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldcrm/ui/main_window.py" line="+41"/>
        <source>FieldCRM — {workspace}</source>
        <translation>FieldCRM — {workspace}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language (applies after restart)</source>
        <translation>语言（重启后生效）(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About FieldCRM</source>
        <translation>关于 FieldCRM(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No owner</source>
        <translation>未设置使用人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{user} · {role} · {territory}</source>
        <translation>{user} · {role} · {territory}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{user} · {role}</source>
        <translation>{user} · {role}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The new language is used from the next time you start FieldCRM.</source>
        <translation>新的语言将在下次启动 FieldCRM 时生效。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>About FieldCRM</source>
        <translation>关于 FieldCRM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FieldCRM {version}
Offline-first CRM for field sales teams.

Workspace: {workspace}</source>
        <translation>FieldCRM {version}
面向外勤销售团队、可离线使用的客户关系管理系统。

工作区：{workspace}</translation>
    </message>
</context>
<context>
    <name>MonthlySummarySection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/daily_report_section.py" line="+16"/>
        <source>Month (YYYY-MM)</source>
        <translation>月份（YYYY-MM）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Days worked</source>
        <translation>出勤天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers visited</source>
        <translation>拜访客户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits done</source>
        <translation>完成拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits missed</source>
        <translation>未完成拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Collected</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent reports</source>
        <translation>紧急报告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monthly summary of {rep} for {month}</source>
        <translation>{rep} {month} 月度汇总</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Missed</source>
        <translation>未拜访</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ordered</source>
        <translation>订货金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day by day</source>
        <translation>每日明细</translation>
    </message>
</context>
<context>
    <name>MoveStopsDialog</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/routes/stop_dialogs.py" line="+13"/>
        <source>Move %n customer(s)</source>
        <translation>
            <numerusform>移动 %n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>To route</source>
        <translation>目标路线</translation>
    </message>
</context>
<context>
    <name>OrderLines</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/order_lines.py" line="+137"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>折让</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>OrderSection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/order_section.py" line="+57"/>
        <source>SKU or product name</source>
        <translation>货号或产品名称</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add line</source>
        <translation>添加明细(&amp;A)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove line</source>
        <translation>删除明细</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Order total: {total}</source>
        <translation>订单合计：{total}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No credit limit · used {used}</source>
        <translation>未设信用额度 · 已用 {used}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit limit {limit} · used {used} · left {left}</source>
        <translation>信用额度 {limit} · 已用 {used} · 剩余 {left}</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../fieldcrm/ui/pages.py" line="+33"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>PhotoList</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/action_dialog.py" line="+13"/>
        <source>Add &amp;photos…</source>
        <translation>添加照片(&amp;P)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <location filename="../../fieldcrm/ui/printing/actions.py" line="+56"/>
        <source>Customer cards ({count})</source>
        <translation>客户档案卡（{count}）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Visit sheet: {route}, {date}</source>
        <translation>拜访单：{route}，{date}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Customer cards: {route}</source>
        <translation>客户档案卡：{route}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Inspection sheet: {route}</source>
        <translation>巡检单：{route}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Daily report of {rep} for {date}</source>
        <translation>{rep} {date} 的日报</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Visit sheets of {rep} for {date}</source>
        <translation>{rep} {date} 的拜访单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit sheets of every route for {date}</source>
        <translation>{date} 全部路线的拜访单</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <location filename="../../fieldcrm/ui/printing/menu.py" line="+20"/>
        <source>Print all &amp;routes of a day…</source>
        <translation>打印某天的全部路线(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print se&amp;ttings…</source>
        <translation>打印设置(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../fieldcrm/ui/print_preview.py" line="+60"/>
        <source>Preparing the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Sent %n page(s) to the printer</source>
        <translation>
            <numerusform>已向打印机发送 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <location filename="../../fieldcrm/ui/printing/settings_dialog.py" line="+30"/>
        <source>Print settings</source>
        <translation>打印设置</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Letter</source>
        <translation>Letter（信纸）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Company name:</source>
        <translation>公司名称(&amp;C)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Logo:</source>
        <translation>标志(&amp;L)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of &amp;prints:</source>
        <translation>打印语言(&amp;P)：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a logo</source>
        <translation>选择标志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../fieldcrm/printing/labels.py" line="+12"/>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visit sheet</source>
        <translation>拜访单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer card</source>
        <translation>客户档案卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asset inspection sheet</source>
        <translation>资产巡检单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily report</source>
        <translation>业务日报</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territory</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops</source>
        <translation>网点数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>资产数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>从未拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>欠款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over limit</source>
        <translation>超出信用额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue 30+ days</source>
        <translation>逾期30天以上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>inspection due</source>
        <translation>待巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit code</source>
        <translation>拜访编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrival time</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets clean and working</source>
        <translation>资产清洁且正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount collected</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer&apos;s signature</source>
        <translation>客户签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor&apos;s signature</source>
        <translation>主管签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rep&apos;s signature</source>
        <translation>业务员签字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date signed</source>
        <translation>签字日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assets at this customer</source>
        <translation>在此客户的资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>资产编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand and model</source>
        <translation>品牌型号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Placed on</source>
        <translation>投放日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement</source>
        <translation>协议号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit held</source>
        <translation>押金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last checked</source>
        <translation>上次巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspection due on</source>
        <translation>应巡检日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visits</source>
        <translation>最近拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>订货额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>收款额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outstanding</source>
        <translation>未付余额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders not yet delivered</source>
        <translation>未送达订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit left</source>
        <translation>剩余额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no limit</source>
        <translation>未设额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open debts</source>
        <translation>未结欠款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still open</source>
        <translation>未付</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age (days)</source>
        <translation>账龄（天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered order</source>
        <translation>已送达订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent payments</source>
        <translation>最近收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unit</source>
        <translation>资产</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not yet checked</source>
        <translation>尚未巡检</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspected by</source>
        <translation>巡检人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remarks</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers visited</source>
        <translation>拜访客户数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits done</source>
        <translation>完成拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits missed</source>
        <translation>未遇拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Still planned</source>
        <translation>尚未拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In - out</source>
        <translation>到达 - 离开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next action</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed visits</source>
        <translation>未遇拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned, not visited</source>
        <translation>已计划未拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders taken</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>credit review</source>
        <translation>信用待审</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collections</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling</source>
        <translation>处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Market information</source>
        <translation>市场信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor products</source>
        <translation>竞品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor prices</source>
        <translation>竞品价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor promotions</source>
        <translation>竞品促销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent reports</source>
        <translation>紧急报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported at</source>
        <translation>报告时间</translation>
    </message>
</context>
<context>
    <name>ProductsSection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/products_section.py" line="+41"/>
        <source>&amp;New product</source>
        <translation>新建产品(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save &amp;product</source>
        <translation>保存产品(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../fieldcrm/ui/prompts.py" line="+31"/>
        <source>Unsaved changes</source>
        <translation>修改尚未保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{what} has changes that are not saved yet.</source>
        <translation>{what} 有尚未保存的修改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do you want to save them?</source>
        <translation>要保存这些修改吗？</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>FieldCRM</source>
        <translation>FieldCRM</translation>
    </message>
</context>
<context>
    <name>RecordedInspection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/inspection_section.py" line="-18"/>
        <source>{tag} ({type}): inspected at this visit</source>
        <translation>{tag}（{type}）：已在本次拜访中巡检</translation>
    </message>
</context>
<context>
    <name>ReportSection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/daily_report_section.py" line="-171"/>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;how</source>
        <translation>显示(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ubmit report</source>
        <translation>提交报告(&amp;U)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Submitted as version {version}.</source>
        <translation>已提交，版本 {version}。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not submitted yet</source>
        <translation>尚未提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed since version {version} was submitted: submit again</source>
        <translation>提交版本 {version} 后已有改动：请重新提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted (version {version})</source>
        <translation>已提交（版本 {version}）</translation>
    </message>
</context>
<context>
    <name>ReviewSection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/review_section.py" line="+76"/>
        <source>&amp;Acknowledge</source>
        <translation>确认已阅(&amp;A)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Mark reviewed</source>
        <translation>标记为已审核(&amp;M)</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <location filename="../../fieldcrm/ui/assets/supervisor_views.py" line="+106"/>
        <source>&amp;Correct location…</source>
        <translation>更正位置(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>RouteActions</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/route_actions.py" line="+50"/>
        <source>&amp;Optimise</source>
        <extracomment>what a change of who is on a route touches (the card&apos;s route text follows the visiting route)</extracomment>
        <translation>优化(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reorder the route for the shortest tour, keeping pinned stops</source>
        <translation>按最短行程重新排序，固定的网点保持不动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pin: {pin}</source>
        <translation>固定：{pin}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add customer…</source>
        <translation>添加客户(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove from route</source>
        <translation>从路线移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Move to route…</source>
        <translation>移到其他路线(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Split zone…</source>
        <translation>拆分小区(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divide the chosen zone&apos;s customers into balanced routes</source>
        <translation>把所选小区的客户分成均衡的几条路线</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Reorder {route}</source>
        <translation>调整{route}的顺序</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Optimising {route}…</source>
        <translation>正在优化{route}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Optimising cancelled; nothing was changed</source>
        <translation>已取消优化，未做任何改动</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{route} changed while it was being optimised; nothing was changed. Optimise again.</source>
        <translation>优化期间{route}已被修改，未做任何改动。请重新优化。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{route}: {before} → {after}</source>
        <translation>{route}：{before} → {after}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{lengths} (already in the best order)</source>
        <translation>{lengths}（已是最佳顺序）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimise {route}</source>
        <translation>优化{route}</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Take %n customer(s) off {route}?

{names}</source>
        <translation>
            <numerusform>从{route}移除 %n 个客户吗？

{names}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove from route</source>
        <translation>从路线移除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Move to route</source>
        <translation>移到其他路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no other {kind} route to move to.</source>
        <translation>没有其他{kind}路线可移入。</translation>
    </message>
</context>
<context>
    <name>RouteDialogs</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/stop_dialogs.py" line="-94"/>
        <source>At the position that adds the least distance</source>
        <translation>插在增加距离最少的位置</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The route has no start point: customers join at the end</source>
        <translation>该路线没有起点：客户加在末尾</translation>
    </message>
</context>
<context>
    <name>RouteField</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/texts.py" line="+33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route names</source>
        <translation>路线名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone</source>
        <translation>小区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start point</source>
        <translation>起点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>运行日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rep</source>
        <translation>业务代表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery person</source>
        <translation>送货员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
</context>
<context>
    <name>RouteListModel</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/route_list_model.py" line="+49"/>
        <source>No start point: the length runs from the first stop to the last</source>
        <translation>没有起点：长度按第一个网点到最后一个网点计算</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rep</source>
        <translation>业务代表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery person</source>
        <translation>送货员</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>运行日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stops</source>
        <translation>网点数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
</context>
<context>
    <name>RouteMapView</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/map_view.py" line="+202"/>
        <source>Pinned: {pin}</source>
        <extracomment>a plain click on a stop: open this customer&apos;s card the stop ids picked on the map (Ctrl/Shift-click, or a click that opens a card)</extracomment>
        <translation>固定：{pin}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Start point (depot)</source>
        <translation>起点（仓库）</translation>
    </message>
</context>
<context>
    <name>RoutePrinting</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/route_printing.py" line="+31"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Visit sheet</source>
        <translation>拜访单(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer &amp;cards</source>
        <translation>客户档案卡(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspection sheet</source>
        <translation>巡检单(&amp;I)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print the route&apos;s visit sheet for its next day, its cards or its inspection sheet</source>
        <translation>打印该路线下一个运行日的拜访单、客户档案卡或巡检单</translation>
    </message>
</context>
<context>
    <name>RouteTexts</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/texts.py" line="+19"/>
        <source>{km} km</source>
        <translation>{km} 公里</translation>
    </message>
</context>
<context>
    <name>RoutesPage</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/routes_page.py" line="+73"/>
        <source>&amp;Fit</source>
        <extracomment>the tables the page shows; a change to any of them re-reads the page</extracomment>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the whole route</source>
        <translation>显示整条路线</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week plan</source>
        <translation>周计划</translation>
    </message>
    <message numerus="yes">
        <location line="+210"/>
        <source>%n stop(s)</source>
        <translation>
            <numerusform>%n 个网点</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{stops} · total {total}, of which {back} back to the start point</source>
        <translation>{stops} · 共 {total}，其中返回起点 {back}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{stops} · total {total} (no start point)</source>
        <translation>{stops} · 共 {total}（无起点）</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n customer(s) without coordinates not on the map</source>
        <translation>
            <numerusform>%n 个无坐标的客户未显示在地图上</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/split_dialog.py" line="+40"/>
        <source>Split {zone} into routes</source>
        <translation>把{zone}拆分为路线</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Propose</source>
        <translation>生成方案(&amp;P)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Route / customer</source>
        <translation>路线 / 客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stops</source>
        <translation>网点数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Move selected to</source>
        <translation>把所选移到(&amp;M)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Create routes</source>
        <translation>创建路线(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Proposing…</source>
        <translation>正在生成方案…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No coordinates: joins the end of the route</source>
        <translation>无坐标：加在路线末尾</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../fieldcrm/ui/workspace_opening.py" line="+117"/>
        <source>Opening the workspace {folder}…
Upgrading a large workspace to this version of FieldCRM can take a minute; it keeps a backup first.</source>
        <translation>正在打开工作区 {folder}…
把大的工作区升级到此版本的 FieldCRM 可能需要一分钟，升级前会先保留备份。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FieldCRM</source>
        <translation>FieldCRM</translation>
    </message>
</context>
<context>
    <name>StopTableModel</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/stop_model.py" line="+119"/>
        <source>no coordinates</source>
        <extracomment>the whole new order of stop ids, asked for by a drop or ``moveRows``</extracomment>
        <translation>无坐标</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No coordinates: kept at the end of the route and not shown on the map</source>
        <translation>无坐标：保留在路线末尾，不显示在地图上</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leg</source>
        <translation>路段</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../../fieldcrm/ui/sync/summary_view.py" line="+20"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Needs attention:</source>
        <translation>需要处理：</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Photos: {sent} sent, {received} received, {missing} missing</source>
        <translation>照片：发送 {sent}，接收 {received}，缺失 {missing}</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../fieldcrm/sync/share/archive.py" line="+43"/>
        <source>archiving site {site}</source>
        <translation>归档站点 {site}</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/certificates.py" line="+73"/>
        <source>unreadable certificate: {error}</source>
        <translation>证书无法读取：{error}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>unreadable revocation: {error}</source>
        <translation>吊销记录无法读取：{error}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the site claim is for another site or key</source>
        <translation>站点声明属于另一个站点或密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the site claim is unreadable</source>
        <translation>站点声明无法读取</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>reading the registry</source>
        <translation>读取登记表</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>signed by {key}, not by the share&apos;s admin</source>
        <translation>由 {key} 签名，而不是共享目录的管理员</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the key {key} is not this share&apos;s admin key</source>
        <translation>密钥 {key} 不是此共享目录的管理员密钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>writing {name}</source>
        <translation>写入 {name}</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/changefile.py" line="+92"/>
        <source>this is a {kind} file, not a change file</source>
        <translation>这是 {kind} 文件，不是变更文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is cut short ({size} bytes)</source>
        <translation>文件不完整（{size} 字节）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>written by a newer FieldCRM (change format {found}, this app reads {supported}): update the app</source>
        <translation>由较新版本的 FieldCRM 写入（变更格式 {found}，本程序只能读取 {supported}）：请升级程序</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown change format {found}</source>
        <translation>未知的变更格式 {found}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the body is {size} bytes, the header says {expected}</source>
        <translation>正文为 {size} 字节，文件头标明的是 {expected}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the file is cut short: {size} bytes of the {expected} its header announces</source>
        <translation>文件不完整：文件头标明 {expected} 字节，实际只有 {size} 字节</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file is cut short inside its header</source>
        <translation>文件在文件头处被截断</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>the header is unreadable</source>
        <translation>文件头无法读取</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the body does not decompress to change records</source>
        <translation>正文解压后不是变更记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body holds {found} records, the header says {count}</source>
        <translation>正文包含 {found} 条记录，文件头标明的是 {count} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body holds a line that is not a change record</source>
        <translation>正文中有一行不是变更记录</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the header&apos;s time is unreadable: {text}</source>
        <translation>文件头中的时间无法读取：{text}</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/errors.py" line="+124"/>
        <source>file #{seq} ({path})</source>
        <translation>第 {seq} 号文件（{path}）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Site {site} ({owner}), {what}: {reason}</source>
        <translation>站点 {site}（{owner}），{what}：{reason}</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>owner unknown</source>
        <translation>使用人未知</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/frame.py" line="+48"/>
        <location filename="../../fieldcrm/sync/share/sealed.py" line="+52"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is cut short inside its first line</source>
        <translation>文件在第一行处被截断</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>not a FieldCRM sync file</source>
        <translation>不是 FieldCRM 同步文件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file is cut short inside its signature</source>
        <translation>文件在签名处被截断</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>checksum mismatch: the file&apos;s bytes were altered (disk, network or copy damage)</source>
        <translation>校验和不符：文件内容已被改动（磁盘、网络或复制过程损坏）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is not signed</source>
        <translation>文件没有签名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the signature does not match the file: forged, or signed with another key</source>
        <translation>签名与文件不符：文件被伪造，或用其他密钥签名</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/reader.py" line="+76"/>
        <location filename="../../fieldcrm/sync/share/share.py" line="+190"/>
        <location line="+24"/>
        <location filename="../../fieldcrm/sync/share/writer.py" line="+223"/>
        <source>reading site {site}</source>
        <translation>读取站点 {site}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>file #{seq} is missing but #{later} is there: files were lost or are still being copied</source>
        <translation>缺少第 {seq} 号文件，但第 {later} 号文件已存在：文件丢失或仍在复制中</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../../fieldcrm/sync/share/share.py" line="+76"/>
        <source>a file in a newer format, signed by a key no admin registered</source>
        <translation>一个较新格式的文件，签名密钥未经任何管理员登记</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is file #{seq} of site {other}, copied or replayed under this site&apos;s name</source>
        <translation>这是站点 {other} 的第 {seq} 号文件，被以本站点的名义复制或重放</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is this site&apos;s file #{found}, copied or replayed under another number</source>
        <translation>这是本站点的第 {found} 号文件，被以其他编号复制或重放</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it follows a file #{before} ({found}) other than the one applied here ({expected}): the site&apos;s history was rewritten, e.g. its workspace restored from a backup</source>
        <translation>它接在第 {before} 号文件（{found}）之后，而本机应用的是另一个文件（{expected}）：该站点的历史被改写，例如其工作区从备份中恢复过</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>signed by {signer}, but this site belongs to another device</source>
        <translation>由 {signer} 签名，但该站点属于另一台设备</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an unregistered key {key}</source>
        <translation>未登记的密钥 {key}</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../fieldcrm/sync/share/share.py" line="+9"/>
        <source>signed by key {key}, which no admin certificate registers</source>
        <translation>由密钥 {key} 签名，没有任何管理员证书登记过该密钥</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{user}&apos;s certificate binds that device to site {bound}</source>
        <translation>{user} 的证书将该设备绑定到站点 {bound}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{user} was revoked on {day} ({reason}); files published after that are refused</source>
        <translation>{user} 已于 {day} 被吊销（{reason}）；此后发布的文件将被拒绝</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the site&apos;s folder is gone from the share, though files up to #{seq} were applied here</source>
        <translation>该站点的文件夹已从共享目录中消失，但本机已应用到第 {seq} 号文件</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/sealed.py" line="+5"/>
        <source>the file is cut short</source>
        <translation>文件不完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>not a FieldCRM {kind} document</source>
        <translation>不是 FieldCRM {kind} 文档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>written by a newer FieldCRM ({kind} format {found}, this app reads {supported}): update the app</source>
        <translation>由较新版本的 FieldCRM 写入（{kind} 格式 {found}，本程序只能读取 {supported}）：请升级程序</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the {kind} document carries no readable signature</source>
        <translation>{kind} 文档没有可读取的签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the {kind} document&apos;s signature does not match its content</source>
        <translation>{kind} 文档的签名与内容不符</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the {kind} document&apos;s body is not a JSON object</source>
        <translation>{kind} 文档的正文不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/share.py" line="-214"/>
        <location line="+45"/>
        <source>The share {path} does not exist or cannot be reached</source>
        <translation>共享目录 {path} 不存在或无法访问</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>{path} is not a FieldCRM share (it has no {marker}): not mounted, or the wrong folder</source>
        <translation>{path} 不是 FieldCRM 共享目录（缺少 {marker}）：可能未挂载，或文件夹选错了</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the share marker {path}: {reason}</source>
        <translation>无法读取共享目录标记 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it is not signed by the admin it names</source>
        <translation>它没有由其中指定的管理员签名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>layout {found}</source>
        <translation>目录结构 {found}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The share {path} was set up by a newer FieldCRM: update the app</source>
        <translation>共享目录 {path} 由较新版本的 FieldCRM 建立：请升级程序</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The share marker {path} is damaged: {reason}</source>
        <translation>共享目录标记 {path} 已损坏：{reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The share {path} is run by admin key {found}, not {expected} that this workspace joined</source>
        <translation>共享目录 {path} 的管理员密钥是 {found}，而不是本工作区加入时的 {expected}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>creating the share {path}</source>
        <translation>创建共享目录 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>{path} is a FieldCRM share already</source>
        <translation>{path} 已经是 FieldCRM 共享目录</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>{path} is not empty: a share needs a folder of its own</source>
        <translation>{path} 不是空文件夹：共享目录需要一个单独的文件夹</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>listing the sites</source>
        <translation>列出站点</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>the site has files but no claim, so no device can be held to have written them</source>
        <translation>该站点有文件但没有站点声明，无法确认是哪台设备写入的</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unregistered device {key}</source>
        <translation>未登记的设备 {key}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>listing the attachments asked for</source>
        <translation>列出被请求的附件</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/photos.py" line="+54"/>
        <source>Sending photos ({count})</source>
        <translation>正在发送照片（{count}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching photos ({count})</source>
        <translation>正在获取照片（{count}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} photo(s) are not on the share yet; they are fetched at a later sync</source>
        <translation>{count} 张照片尚未上传到共享目录，将在之后的同步中获取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo {sha} on the share is damaged ({reason}); it was not kept, and the laptops holding it are asked to send it again</source>
        <translation>共享目录中的照片 {sha} 已损坏（{reason}）；未保存，已请保存有此照片的电脑重新发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending again photos other laptops found damaged ({count})</source>
        <translation>正在重新发送其他电脑发现已损坏的照片（{count}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its bytes changed while it was read</source>
        <translation>读取期间内容发生了变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} photo(s) of inspections made on this laptop are missing or damaged in its attachments folder and cannot be sent</source>
        <translation>本机巡检的 {count} 张照片在附件文件夹中缺失或损坏，无法发送</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Photos were not all exchanged ({reason}); the rest follow at the next sync</source>
        <translation>照片未全部交换（{reason}）；其余的将在下次同步时传输</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/share.py" line="-12"/>
        <source>reading attachment {sha}</source>
        <translation>读取附件 {sha}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the attachment&apos;s bytes do not match its name</source>
        <translation>附件内容与其名称不符</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>listing snapshots of site {site}</source>
        <translation>列出站点 {site} 的快照</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>reading snapshot {path}</source>
        <translation>读取快照 {path}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the snapshot&apos;s header names another site or time than its file name</source>
        <translation>快照文件头中的站点或时间与文件名不一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the snapshot is not signed by the device that owns its site</source>
        <translation>快照不是由其站点所属设备签名的</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>signed by {user}, who may not write snapshots (revoked, or role {role})</source>
        <translation>由 {user} 签名，但此人无权写入快照（已被吊销，或角色为 {role}）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The share {path} has gone (unmounted, moved or deleted)</source>
        <translation>共享目录 {path} 已不存在（已卸载、移动或删除）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{action}: the share&apos;s disk is full</source>
        <translation>{action}：共享目录所在磁盘已满</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{action}: the share is not writable ({reason})</source>
        <translation>{action}：共享目录无法写入（{reason}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{action}: the share {path} has gone (unmounted, moved or deleted)</source>
        <translation>{action}：共享目录 {path} 已不存在（已卸载、移动或删除）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{action}: {reason} ({file})</source>
        <translation>{action}：{reason}（{file}）</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/snapshot.py" line="+174"/>
        <source>this is a {kind} file, not a snapshot</source>
        <translation>这是 {kind} 文件，不是快照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the snapshot is cut short ({size} bytes)</source>
        <translation>快照不完整（{size} 字节）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the snapshot was cut short while being read</source>
        <translation>读取时快照被截断</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>written by a newer FieldCRM (snapshot format {found}, this app reads {supported}): update the app</source>
        <translation>由较新版本的 FieldCRM 写入（快照格式 {found}，本程序只能读取 {supported}）：请升级程序</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+133"/>
        <source>the snapshot header is unreadable</source>
        <translation>快照文件头无法读取</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>the snapshot changed since it was verified</source>
        <translation>快照在校验之后发生了变化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the snapshot body does not decompress</source>
        <translation>快照正文无法解压</translation>
    </message>
    <message>
        <location line="+268"/>
        <source>the snapshot holds a line that is not a record</source>
        <translation>快照中有一行不是记录</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/share/writer.py" line="-154"/>
        <source>publishing file #{seq} of site {site}</source>
        <translation>发布站点 {site} 的第 {seq} 号文件</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+20"/>
        <source>storing attachment {sha}</source>
        <translation>保存附件 {sha}</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+13"/>
        <source>asking for attachment {sha}</source>
        <translation>请求附件 {sha}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>writing a snapshot of site {site}</source>
        <translation>写入站点 {site} 的快照</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cleaning temporary files of site {site}</source>
        <translation>清理站点 {site} 的临时文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This device is not registered on the share: ask the admin to register the key {key} (fingerprint {fingerprint})</source>
        <translation>本设备尚未在共享目录登记：请管理员登记密钥 {key}（指纹 {fingerprint}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{user}&apos;s devices were revoked on {day}: this device may no longer publish</source>
        <translation>{user} 的设备已于 {day} 被吊销：本设备不能再发布</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This device is registered for site {bound}, not {site}</source>
        <translation>本设备登记的站点是 {bound}，不是 {site}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only supervisors and admins write snapshots; {user} is registered as {role}</source>
        <translation>只有主管和管理员可以写入快照；{user} 登记的角色是 {role}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>claiming site {site}</source>
        <translation>声明站点 {site}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Site {site} belongs to {owner}: this workspace&apos;s site id is used by another device</source>
        <translation>站点 {site} 属于 {owner}：本工作区的站点标识已被另一台设备使用</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot publish #{seq}: #{before} is not on the share</source>
        <translation>无法发布第 {seq} 号：共享目录中没有第 {before} 号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot publish #{seq}: the share&apos;s #{before} is not the one this workspace published (workspace restored from a backup, or its site id used by another copy)</source>
        <translation>无法发布第 {seq} 号：共享目录中的第 {before} 号不是本工作区发布的（工作区从备份恢复过，或其站点标识被另一个副本使用）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>File #{seq} of site {site} is already on the share with other content: this workspace&apos;s publish log is behind the share (restored from a backup, or its site id used by another copy)</source>
        <translation>站点 {site} 的第 {seq} 号文件已以不同内容存在于共享目录：本工作区的发布记录落后于共享目录（从备份恢复过，或其站点标识被另一个副本使用）</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/conflicts.py" line="-1"/>
        <source>This conflict is already resolved</source>
        <translation>此冲突已经解决</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A deleted-while-edited conflict is resolved by keeping the delete or restoring</source>
        <translation>“编辑时被删除”的冲突只能通过保留删除或恢复来解决</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/roles.py" line="+58"/>
        <source>A change to {field} of {row} is malformed and was not applied</source>
        <translation>对 {row} 的 {field} 的修改格式不正确，未被应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A change to {field} of {row} claims another laptop as its author and was not applied</source>
        <translation>对 {row} 的 {field} 的修改声称来自另一台电脑，未被应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{user} may not change {field} of {row} (supervisors only); the change was not applied</source>
        <translation>{user} 无权修改 {row} 的 {field}（仅限主管）；该修改未被应用</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/snapshot_data.py" line="+31"/>
        <source>A snapshot can only fill a new workspace; this one already holds changes</source>
        <translation>快照只能用于填充新的工作区；此工作区已有修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This snapshot has format {found}; this FieldCRM reads format {supported}. Update FieldCRM</source>
        <translation>此快照的格式为 {found}；当前 FieldCRM 只能读取格式 {supported}。请升级 FieldCRM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The snapshot is damaged ({reason})</source>
        <translation>快照已损坏（{reason}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The snapshot could not be unpacked into {folder}: {reason}</source>
        <translation>无法把快照解包到 {folder}：{reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snapshot: unpacking</source>
        <translation>快照：正在解包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshot: storing every version</source>
        <translation>快照：正在保存全部版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshot: writing the cards and records</source>
        <translation>快照：正在写入客户卡和记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshot: building the search index</source>
        <translation>快照：正在建立搜索索引</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshot: listing the conflicts</source>
        <translation>快照：正在列出冲突</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapshot: making it this laptop&apos;s workspace</source>
        <translation>快照：正在将其设为本机的工作区</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/device.py" line="+98"/>
        <source>A sync of this workspace is already running (process {pid}); wait for it to finish</source>
        <translation>此工作区已有同步正在进行（进程 {pid}）；请等待其完成</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not take the sync lock {path}; try again</source>
        <translation>无法获取同步锁 {path}；请重试</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/engine.py" line="+81"/>
        <source>This workspace has not synced yet: give the share folder (--share DIR)</source>
        <translation>此工作区尚未同步过：请指定共享目录（--share DIR）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{path} is another share than the one this workspace syncs with ({known}); a workspace belongs to one share</source>
        <translation>{path} 不是此工作区同步所用的共享目录（{known}）；一个工作区只能属于一个共享目录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This device is not registered on the share {path}. Ask the admin to run: fieldcrm share add-user --share {path} --user {user} --role {role}{territory} --key {key}</source>
        <translation>本设备尚未在共享目录 {path} 登记。请管理员运行：fieldcrm share add-user --share {path} --user {user} --role {role}{territory} --key {key}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{user}&apos;s devices were revoked on the share {path}; this laptop may no longer sync</source>
        <translation>{user} 的设备已在共享目录 {path} 上被吊销；这台电脑不能再同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync cancelled; nothing more was changed</source>
        <translation>同步已取消；没有再做其他修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bootstrap fills a new workspace, and this one already holds changes: run &apos;fieldcrm sync&apos; instead</source>
        <translation>初始化只能用于新的工作区，而此工作区已有修改：请改为运行 &apos;fieldcrm sync&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its snapshot could not be used ({reason}); this laptop replayed the files instead</source>
        <translation>其快照无法使用（{reason}），本机已改为重放全部文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only supervisors and admins write snapshots; this workspace belongs to a {role}</source>
        <translation>只有主管和管理员可以写入快照；此工作区的角色是 {role}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This laptop&apos;s own files on the share cannot be read back: {reason}</source>
        <translation>无法从共享目录读回本机发布的文件：{reason}</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>{reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>Sync finished</source>
        <translation>同步完成</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Sent file #{seq} ({count} changes)</source>
        <translation>已发送第 {seq} 号文件（{count} 条修改）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Loading the snapshot by {user}</source>
        <translation>正在载入 {user} 的快照</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Applying {count} files</source>
        <translation>正在应用 {count} 个文件</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Read file #{seq} of {user}</source>
        <translation>已读取 {user} 的第 {seq} 号文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checked site {site}</source>
        <translation>已检查站点 {site}</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/drift.py" line="+28"/>
        <source>{user}&apos;s laptop clock (site {site}) runs {hours:.1f} h ahead; ask them to set it right</source>
        <translation>{user} 的电脑时钟（站点 {site}）快了 {hours:.1f} 小时；请提醒其校正时钟</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/sync/membership.py" line="+30"/>
        <source>This workspace does not hold the share&apos;s admin key ({path}); run this in the admin&apos;s workspace</source>
        <translation>此工作区没有共享目录的管理员密钥（{path}）；请在管理员的工作区中运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key: {reason}</source>
        <translation>密钥：{reason}</translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <location filename="../../fieldcrm/ui/sync/conflict_model.py" line="+20"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current value</source>
        <translation>当前值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Set by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/ui/sync/conflict_review.py" line="+80"/>
        <source>Deleted while edited</source>
        <translation>编辑时被删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{user}, {when}</source>
        <translation>{user}，{when}</translation>
    </message>
</context>
<context>
    <name>SyncCounts</name>
    <message numerus="yes">
        <location filename="../../fieldcrm/ui/sync/texts.py" line="+62"/>
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 项更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n conflict(s) to review below</source>
        <translation>
            <numerusform>下方有 %n 个冲突待处理</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldcrm/ui/sync/sync_page.py" line="+57"/>
        <source>The team&apos;s share folder, e.g. \\server\fieldcrm</source>
        <translation>团队的共享目录，如 \\server\fieldcrm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync automatically when the share can be reached</source>
        <translation>共享目录可访问时自动同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Share</source>
        <translation>共享目录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sync finished.</source>
        <translation>同步完成。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sync failed.</source>
        <translation>同步失败。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the share folder</source>
        <translation>选择共享目录</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/ui/sync/texts.py" line="-34"/>
        <source>Not synced yet on this laptop</source>
        <translation>本机尚未同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync: {when} with {share}, took {seconds} s</source>
        <translation>上次同步：{when}，共享目录 {share}，用时 {seconds} 秒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sent: {changes} in {files}</source>
        <translation>已发送：{changes}，{files}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received: {changes} in {files}; {applied} applied, {duplicates} already here</source>
        <translation>已接收：{changes}，{files}；应用 {applied} 项，已存在 {duplicates} 项</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No conflicts to review</source>
        <translation>没有待处理的冲突</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not applied, from {user}: {summary}</source>
        <translation>未应用，来自 {user}：{summary}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Changes from {who} wait: {reason}</source>
        <translation>来自 {who} 的更改暂缓：{reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{step} ({done} of {total})</source>
        <translation>{step}（{done}/{total}）</translation>
    </message>
</context>
<context>
    <name>TerritoryTreeModel</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/territory_model.py" line="+113"/>
        <source>A zone: its customers can be split into balanced routes</source>
        <translation>小区：其客户可拆分为均衡的路线</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All routes</source>
        <translation>全部路线</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Territory</source>
        <translation>区域</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manager</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Routes</source>
        <translation>路线数</translation>
    </message>
</context>
<context>
    <name>VisitColumns</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/columns.py" line="+30"/>
        <source>never visited</source>
        <translation>从未拜访</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+17"/>
        <location line="+36"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+17"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+20"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+20"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+15"/>
        <location line="+23"/>
        <location line="+11"/>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Ordered</source>
        <translation>订货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Items</source>
        <translation>品项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <location line="+14"/>
        <location line="+9"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+12"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territory</source>
        <translation>片区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>应访日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold</source>
        <translation>在售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>VisitField</name>
    <message>
        <location filename="../../fieldcrm/domain/visit_fields.py" line="+54"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Market information</source>
        <translation>市场信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints and objections</source>
        <translation>投诉与异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent report</source>
        <translation>紧急报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+65"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned for</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-in</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-out</source>
        <translation>离店时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>拜访目的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason missed</source>
        <translation>未拜访原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>拜访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Competitor products seen</source>
        <translation>看到的竞品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor prices</source>
        <translation>竞品价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor promotions</source>
        <translation>竞品促销</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints or objections</source>
        <translation>投诉或异议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How they were handled</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next action</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next visit</source>
        <translation>下次拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+56"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+56"/>
        <source>Urgent note</source>
        <translation>紧急说明</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>SKU</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product name</source>
        <translation>产品名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active (1 yes, 0 no)</source>
        <translation>在售（1 是，0 否）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Order date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for exceeding the credit limit</source>
        <translation>超出信用额度的原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Reference</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+8"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Invoice date</source>
        <translation>发票日期</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Visit every (days)</source>
        <translation>拜访周期（天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/visit_form.py" line="+105"/>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check &amp;out now</source>
        <translation>现在离店(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save visit</source>
        <translation>保存拜访</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Visit {code} at {customer}</source>
        <translation>拜访 {code}：{customer}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Planned visit {code} at {customer}</source>
        <translation>计划拜访 {code}：{customer}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New visit at {customer}</source>
        <translation>新拜访：{customer}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Already at this visit: ordered {ordered}, collected {collected}</source>
        <translation>本次拜访已有：订货 {ordered}，收款 {collected}</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Discard this visit and what was typed into it?</source>
        <translation>放弃这次拜访和已填写的内容吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard visit</source>
        <translation>放弃拜访</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
</context>
<context>
    <name>VisitListSection</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/visit_list_section.py" line="+27"/>
        <source>Rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date (YYYY-MM-DD), empty for all</source>
        <translation>日期（YYYY-MM-DD），留空显示全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
</context>
<context>
    <name>VisitQuestions</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/questions.py" line="+13"/>
        <source>Over the credit limit</source>
        <translation>超出信用额度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{warning}

Why should it be accepted anyway?</source>
        <translation>{warning}

为什么仍要接受这笔订单？</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../fieldcrm/ui/visits/visits_page.py" line="+35"/>
        <source>Visits</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>待拜访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily report</source>
        <translation>业务日报</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Monthly summary</source>
        <translation>月度汇总</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent reports</source>
        <translation>紧急情况</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged orders</source>
        <translation>超额订单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Products</source>
        <translation>产品目录</translation>
    </message>
</context>
<context>
    <name>WeekPlanModel</name>
    <message>
        <location filename="../../fieldcrm/ui/routes/week_plan_view.py" line="+70"/>
        <source>Never visited</source>
        <extracomment>the tables whose changes can change the plan</extracomment>
        <translation>从未拜访</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last visit {last}, due {due}</source>
        <translation>上次拜访 {last}，应于 {due} 拜访</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n stop(s), delivery</source>
        <translation>
            <numerusform>%n 个网点，送货</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n 个待拜访</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{route}: {stops} stops, {length}</source>
        <translation>{route}：{stops} 个网点，{length}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{route} · {summary}</source>
        <translation>{route} · {summary}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>{weekday} {date}</source>
        <translation>{weekday} {date}</translation>
    </message>
</context>
<context>
    <name>WeekPlanPanel</name>
    <message>
        <location line="+26"/>
        <source>◀ &amp;Previous week</source>
        <extracomment>a due customer was double-clicked: open their card a plan arrived from the worker</extracomment>
        <translation>◀ 上一周(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next week ▶</source>
        <translation>下一周(&amp;N) ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;This week</source>
        <translation>本周(&amp;T)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Week of</source>
        <translation>所在周</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Routes without days: {routes}</source>
        <translation>未设运行日的路线：{routes}</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../fieldcrm/storage/database.py" line="+35"/>
        <source>Close the other FieldCRM window or program using it, then try again</source>
        <translation>关闭正在使用它的另一个 FieldCRM 窗口或程序，然后重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open it read-only to look without changing anything</source>
        <translation>以只读方式打开，只查看不修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the newest backup from the workspace&apos;s backups folder</source>
        <translation>从工作区的 backups 文件夹恢复最新的备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a new workspace (the damaged file is kept aside, not deleted)</source>
        <translation>新建工作区（损坏的文件会另行保留，不会删除）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give your user write permission on the folder, or choose another workspace</source>
        <translation>为您的用户授予该文件夹的写入权限，或选择其他工作区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first sync is filling this workspace; nothing was saved. Try again once it has finished.</source>
        <translation>首次同步正在写入此工作区，未保存任何内容。请在同步完成后重试。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The workspace database {path} is in use by another program</source>
        <translation>工作区数据库 {path} 正被其他程序使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The workspace database {path} cannot be written</source>
        <translation>工作区数据库 {path} 无法写入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk holding {path} is full; nothing was changed</source>
        <translation>{path} 所在的磁盘已满；没有做任何修改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The workspace database {path} is damaged ({reason})</source>
        <translation>工作区数据库 {path} 已损坏（{reason}）</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/storage/migrations.py" line="+195"/>
        <source>This workspace has schema version {found}, made by a newer FieldCRM; this FieldCRM {app} reads up to version {supported}. Update FieldCRM to open it</source>
        <translation>此工作区的数据结构版本为 {found}，由较新版本的 FieldCRM 创建；当前 FieldCRM {app} 最多只能读取版本 {supported}。请升级 FieldCRM 后再打开</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/workspace.py" line="+29"/>
        <source>Create it: run &apos;fieldcrm init&apos; or use the first-start dialog</source>
        <translation>创建工作区：运行 &apos;fieldcrm init&apos; 或使用首次启动对话框</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another workspace folder with --workspace or FIELDCRM_WORKSPACE</source>
        <translation>用 --workspace 或 FIELDCRM_WORKSPACE 选择其他工作区文件夹</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The workspace {path} has no owner yet</source>
        <translation>工作区 {path} 尚未设置使用人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The workspace {path} already belongs to {user}</source>
        <translation>工作区 {path} 已属于 {user}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>user: a name is required</source>
        <translation>使用人：必须填写姓名</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The workspace database {path} is empty</source>
        <translation>工作区数据库 {path} 是空文件</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>There is no FieldCRM workspace at {path}</source>
        <translation>{path} 处没有 FieldCRM 工作区</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot create the workspace folder {path}: {reason}</source>
        <translation>无法创建工作区文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The workspace {path} has schema version {found}; read-only opening needs version {supported}</source>
        <translation>工作区 {path} 的数据结构版本为 {found}；只读打开需要版本 {supported}</translation>
    </message>
    <message>
        <location filename="../../fieldcrm/demo_routes.py" line="+63"/>
        <source>The workspace {path} already has territories or routes; demo routes only go into one without</source>
        <translation>工作区 {path} 已有片区或路线；演示路线只能放入没有片区和路线的工作区</translation>
    </message>
</context>
<context>
    <name>WorkspaceErrorDialog</name>
    <message>
        <location filename="../../fieldcrm/ui/dialogs/workspace_error.py" line="+31"/>
        <source>FieldCRM cannot open the workspace</source>
        <translation>FieldCRM 无法打开工作区</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What you can do:</source>
        <translation>您可以：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;read-only</source>
        <translation>以只读方式打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose another folder…</source>
        <translation>选择其他文件夹(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a &amp;new workspace</source>
        <translation>新建工作区(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>WorkspaceOpening</name>
    <message>
        <location filename="../../fieldcrm/ui/workspace_opening.py" line="-73"/>
        <source>Choose a workspace folder</source>
        <translation>选择工作区文件夹</translation>
    </message>
</context>
</TS>
