<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Lane client {version}</source>
        <translation>通道查验系统 {version}</translation>
    </message>
    <message>
        <source>Workstation: not set up yet</source>
        <translation>工作站：尚未设置</translation>
    </message>
    <message>
        <source>Workstation {ws} · port {port} · lane {lane}</source>
        <translation>工作站 {ws} · 口岸 {port} · 通道 {lane}</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>数据文件夹：{folder}</translation>
    </message>
    <message>
        <source>Database: schema {schema}, {records:,} records, {pending:,} waiting to be sent</source>
        <translation>数据库：结构版本 {schema}，记录 {records:,} 条，{pending:,} 条待发送</translation>
    </message>
    <message>
        <source>Search index: found damaged {when}; records after #{seq} are not in it (Tools → Rebuild the search index…)</source>
        <translation>检索索引：于 {when} 被发现损坏；#{seq} 之后的记录不在其中（工具 → 重建检索索引…）</translation>
    </message>
    <message>
        <source>Central: {url} · last complete sync {when}</source>
        <translation>中心库：{url} · 最近一次完整同步 {when}</translation>
    </message>
    <message>
        <source>Central: not enrolled (records are kept here until it is)</source>
        <translation>中心库：未注册（记录保存在本机，注册后发送）</translation>
    </message>
    <message>
        <source>Watchlist: none in force</source>
        <translation>布控名单：无生效版本</translation>
    </message>
    <message>
        <source>Watchlist: version {version}</source>
        <translation>布控名单：版本 {version}</translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} · PySide6 {pyside}</source>
        <translation>Python {python} · Qt {qt} · PySide6 {pyside}</translation>
    </message>
    <message>
        <source>About the lane client</source>
        <translation>关于通道查验系统</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend record #{seq}: correct the form, give the reason, and have a supervisor approve.</source>
        <translation>更正记录 #{seq}：修改表单、填写理由，并由值班主管批准。</translation>
    </message>
    <message>
        <source>Give the reason for the amendment.</source>
        <translation>请填写更正理由。</translation>
    </message>
    <message>
        <source>Amend a record</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>&amp;Decision:</source>
        <translation>处理结果(&amp;D)：</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>&amp;Ground of refusal:</source>
        <translation>拒绝理由(&amp;G)：</translation>
    </message>
    <message>
        <source>Ground of refusal</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <source>&amp;Reason for the amendment:</source>
        <translation>更正理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Reason for the amendment</source>
        <translation>更正理由</translation>
    </message>
    <message>
        <source>Supervisor &amp;code:</source>
        <translation>主管代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Supervisor code</source>
        <translation>主管代码</translation>
    </message>
    <message>
        <source>Supervisor &amp;PIN:</source>
        <translation>主管 PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>主管 PIN 码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <source>{officer}: type your current PIN, then the new one twice. A PIN is 4 to 12 digits; PINs that are easy to guess are refused.</source>
        <translation>{officer}：请输入当前 PIN 码，再输入两次新 PIN 码。PIN 码为 4 至 12 位数字；容易被猜中的 PIN 码将被拒绝。</translation>
    </message>
    <message>
        <source>The two new PINs differ; type the same PIN twice.</source>
        <translation>两次输入的新 PIN 码不一致；请输入相同的 PIN 码两次。</translation>
    </message>
    <message>
        <source>Wrong current PIN. {count} attempt(s) left before the account is locked for {minutes} minutes.</source>
        <translation>当前 PIN 码错误。再错 {count} 次，账户将被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Your PIN was changed. Use the new PIN from now on.</source>
        <translation>PIN 码已修改。今后请使用新的 PIN 码。</translation>
    </message>
    <message>
        <source>Change my PIN</source>
        <translation>修改我的 PIN 码</translation>
    </message>
    <message>
        <source>&amp;Current PIN:</source>
        <translation>当前 PIN 码(&amp;C)：</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>当前 PIN 码</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>新 PIN 码(&amp;N)：</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation>再次输入新 PIN 码(&amp;A)：</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新 PIN 码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Clearances in this shift: {total} — cleared {cleared}, referred {referred}, refused {refused}.</source>
        <translation>本班次查验：{total} 人次 — 放行 {cleared}，移交二线 {referred}，拒绝 {refused}。</translation>
    </message>
    <message>
        <source>Records of this shift not yet synchronised with the central: {count}. They stay safely on this workstation and are sent later.</source>
        <translation>本班次尚未同步到中心的记录：{count} 条。它们安全保存在本工作站，稍后发送。</translation>
    </message>
    <message>
        <source>Not accepted by the central: {count} record(s), in Sync problems for a supervisor.</source>
        <translation>中心未接受：{count} 条记录，列在“同步问题”中，由主管处理。</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Particular &amp;occurrences during the shift:</source>
        <translation>班次内特殊情况(&amp;O)：</translation>
    </message>
    <message>
        <source>Particular occurrences</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <source>I confirm that my shift at this lane is over</source>
        <translation>我确认本通道的班次已结束</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>ContainerScans</name>
    <message>
        <source>seal {seal}: {errors}</source>
        <translation>封志 {seal}：{errors}</translation>
    </message>
    <message>
        <source>Seal {seal} is already entered for container {number}.</source>
        <translation>封志 {seal} 已录入在集装箱 {number} 下。</translation>
    </message>
    <message>
        <source>{seal} is shaped like a container number, not a seal: scan the seals of {number}, or empty Seals, then Enter. If it is a seal of {number}, press Enter again to add it.</source>
        <translation>{seal} 的格式像集装箱号，不像封志：请扫描 {number} 的封志，或清空“封志”栏，然后按回车。如果它确是 {number} 的封志，请再按一次回车添加。</translation>
    </message>
    <message>
        <source>seals</source>
        <translation>封志</translation>
    </message>
    <message>
        <source>Container {number} not added: {errors}</source>
        <translation>集装箱 {number} 未添加：{errors}</translation>
    </message>
    <message>
        <source>Container {number} is already in this vehicle&apos;s list.</source>
        <translation>集装箱 {number} 已在本车的清单中。</translation>
    </message>
    <message>
        <source>Container {number} added: {count} in the list. Now its seals, or Enter with Seals empty for the next container.</source>
        <translation>已添加集装箱 {number}：清单中共 {count} 个。现在扫描它的封志；封志栏为空时按回车，录入下一个集装箱。</translation>
    </message>
    <message>
        <source>Scan the container first, then its seals.</source>
        <translation>请先扫描集装箱，再扫描它的封志。</translation>
    </message>
    <message>
        <source>Seals not added to container {number}: {errors}</source>
        <translation>封志未添加到集装箱 {number}：{errors}</translation>
    </message>
    <message>
        <source>Seals of container {number}: {seals}.</source>
        <translation>集装箱 {number} 的封志：{seals}。</translation>
    </message>
</context>
<context>
    <name>CrossingNote</name>
    <message>
        <source>{whose}: {note}</source>
        <translation>{whose}：{note}</translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation>今天 {time}</translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation>昨天 {time}</translation>
    </message>
    <message>
        <source>Refused {direction} here {when} (#{seq}): {ground}.</source>
        <translation>本通道已于{when}拒绝其{direction}（#{seq}）：{ground}。</translation>
    </message>
    <message>
        <source>Referred to secondary inspection here {when} (#{seq}), on {direction}.</source>
        <translation>本通道已于{when}在{direction}时移交二线（#{seq}）。</translation>
    </message>
    <message>
        <source>Already cleared for {direction} here {when} (#{seq}).</source>
        <translation>本通道已于{when}放行其{direction}（#{seq}）。</translation>
    </message>
</context>
<context>
    <name>GateScreen</name>
    <message>
        <source>VALID SHIFT REPORT</source>
        <translation>班次报表有效</translation>
    </message>
    <message>
        <source>VALID — LET IT PASS</source>
        <translation>有效 — 放行</translation>
    </message>
    <message>
        <source>TAMPERED — DO NOT LET IT PASS</source>
        <translation>已被篡改 — 不得放行</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>UNKNOWN SIGNER</source>
        <translation>签发者未知</translation>
    </message>
    <message>
        <source>ALREADY USED</source>
        <translation>已使用过</translation>
    </message>
    <message>
        <source>WRONG PORT</source>
        <translation>口岸不符</translation>
    </message>
    <message>
        <source>NOT CLEARED — DO NOT LET IT PASS</source>
        <translation>车辆未获放行 — 不得通行</translation>
    </message>
    <message>
        <source>NOT READABLE — SCAN AGAIN</source>
        <translation>无法识读——请重新扫描</translation>
    </message>
    <message>
        <source>NOT YET VALID</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>This slip was already used at this gate on {when}</source>
        <translation>此放行单已于 {when} 在本出口使用过</translation>
    </message>
    <message>
        <source> (checked by {officer})</source>
        <translation>（核验人 {officer}）</translation>
    </message>
    <message>
        <source>; scans so far: {n}.</source>
        <translation>；累计扫码 {n} 次。</translation>
    </message>
    <message>
        <source>The signature matches and the document is in force.</source>
        <translation>签名一致，单据在有效期内。</translation>
    </message>
    <message>
        <source>The content was changed after it was signed.</source>
        <translation>单据内容在签名后被改动。</translation>
    </message>
    <message>
        <source>The document is past its validity.</source>
        <translation>单据已超过有效期。</translation>
    </message>
    <message>
        <source>It was not signed by a workstation this gate knows.</source>
        <translation>签发工作站不在本出口已知范围内。</translation>
    </message>
    <message>
        <source>The slip was issued for another port.</source>
        <translation>此放行单签发给其他口岸。</translation>
    </message>
    <message>
        <source>The vehicle on this slip was not cleared at the lane.</source>
        <translation>此放行单上的车辆在通道未获放行。</translation>
    </message>
    <message>
        <source>This is not a readable slip or report code; scan it again.</source>
        <translation>这不是可识读的放行单或报表码；请重新扫码。</translation>
    </message>
    <message>
        <source>The document is dated in the future; check clocks.</source>
        <translation>单据日期在未来；请检查时钟。</translation>
    </message>
    <message>
        <source>{explanation}
Detail: {reason}</source>
        <translation>{explanation}
详情：{reason}</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>班次报表</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Sequence numbers</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>{n} VINs (list on the paper slip, digest {digest}…)</source>
        <translation>{n} 个车辆识别代号（清单见纸质放行单，摘要 {digest}…）</translation>
    </message>
    <message>
        <source>Release slip</source>
        <translation>放行单</translation>
    </message>
    <message>
        <source>Plate(s)</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>VINs</source>
        <translation>车辆识别代号</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>Seals</source>
        <translation>封志</translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation>报关单</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Cleared by officer</source>
        <translation>放行查验员</translation>
    </message>
    <message>
        <source>Port / lane</source>
        <translation>口岸 / 通道</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Times in</source>
        <translation>时间基准</translation>
    </message>
    <message>
        <source>this computer&apos;s offset, {offset}: the document names none</source>
        <translation>本机的时差 {offset}：该单据未注明时差</translation>
    </message>
    <message>
        <source>Document id</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <source>COULD NOT CHECK</source>
        <translation>无法核验</translation>
    </message>
    <message>
        <source>Waiting for a scan</source>
        <translation>等待扫码</translation>
    </message>
    <message>
        <source>Gate check</source>
        <translation>卡口核验</translation>
    </message>
    <message>
        <source>Sc&amp;an the release slip or shift report code (the scanner ends with Enter):</source>
        <translation>扫描放行单或班次报表二维码(&amp;A)（扫码枪以回车结束）：</translation>
    </message>
    <message>
        <source>Scanned code</source>
        <translation>扫描内容</translation>
    </message>
    <message>
        <source>GP1:… or SR1:…</source>
        <translation>GP1:… 或 SR1:…</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Check the scanned code</source>
        <translation>检查扫描内容</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>核验结论</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What the document says:</source>
        <translation>单据内容：</translation>
    </message>
    <message>
        <source>What the document says</source>
        <translation>单据内容</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Traveller or vehicle</source>
        <translation>旅客或车辆</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>查验员</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>旅客</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>travelling alone (no adult)</source>
        <translation>单独出行（无陪同成人）</translation>
    </message>
    <message>
        <source>with the adult of record {id}</source>
        <translation>陪同成人为记录 {id}</translation>
    </message>
    <message>
        <source>with adult {name}, {document} (#{seq}, {time})</source>
        <translation>陪同成人 {name}，{document}（#{seq}，{time}）</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Amendment approved by {sup}: {reason}</source>
        <translation>更正，经 {sup} 批准：{reason}</translation>
    </message>
    <message>
        <source>VOID approved by {sup}: {reason}</source>
        <translation>作废，经 {sup} 批准：{reason}</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>出生于 {date}</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <source>VINs: {vins}</source>
        <translation>车辆识别代号：{vins}</translation>
    </message>
    <message>
        <source>HS codes: {codes}</source>
        <translation>商品编码：{codes}</translation>
    </message>
    <message>
        <source>declaration {number}</source>
        <translation>报关单号 {number}</translation>
    </message>
    <message>
        <source>{kg} kg gross</source>
        <translation>毛重 {kg} 千克</translation>
    </message>
    <message>
        <source>driver and crew: {n}</source>
        <translation>驾驶员及随车人员：{n} 人</translation>
    </message>
    <message>
        <source>Remarks: {remarks}</source>
        <translation>备注：{remarks}</translation>
    </message>
    <message>
        <source>Watchlist: no check recorded</source>
        <translation>布控名单：无比对记录</translation>
    </message>
    <message>
        <source>Watchlist: not checked (no watchlist loaded)</source>
        <translation>布控名单：未比对（未加载布控名单）</translation>
    </message>
    <message>
        <source>Watchlist: v{version}, no hit</source>
        <translation>布控名单：v{version}，未命中</translation>
    </message>
    <message>
        <source>Watchlist: v{version}, hit: {hits}; cleared with supervisor {supervisor}&apos;s approval: {reason}</source>
        <translation>布控名单：v{version}，命中：{hits}；经主管 {supervisor} 批准放行：{reason}</translation>
    </message>
    <message>
        <source>Watchlist: v{version}, hit: {hits}; referred</source>
        <translation>布控名单：v{version}，命中：{hits}；已移交二线</translation>
    </message>
    <message>
        <source>Watchlist: v{version}, hit: {hits}; refused</source>
        <translation>布控名单：v{version}，命中：{hits}；已拒绝</translation>
    </message>
    <message>
        <source>Watchlist: v{version}, hit: {hits}</source>
        <translation>布控名单：v{version}，命中：{hits}</translation>
    </message>
    <message>
        <source>All decisions</source>
        <translation>全部处理结果</translation>
    </message>
    <message>
        <source>Both directions</source>
        <translation>出入境双向</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>Records: {count} shown, more below</source>
        <translation>已显示 {count} 条记录，向下滚动查看更多</translation>
    </message>
    <message>
        <source>Records: {count}</source>
        <translation>共 {count} 条记录</translation>
    </message>
    <message>
        <source>Record #{seq} voided (#{own}).</source>
        <translation>记录 #{seq} 已作废（#{own}）。</translation>
    </message>
    <message>
        <source>Record #{seq} amended (#{own}).</source>
        <translation>记录 #{seq} 已更正（#{own}）。</translation>
    </message>
    <message>
        <source>Document number, name, plate, VIN or container…</source>
        <translation>证件号、姓名、车牌、车辆识别代号或集装箱号…</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>&amp;Between</source>
        <translation>日期范围(&amp;B)</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>&amp;Open record…</source>
        <translation>打开记录(&amp;O)…</translation>
    </message>
    <message>
        <source>Open record…</source>
        <translation>打开记录…</translation>
    </message>
</context>
<context>
    <name>LaneScreen</name>
    <message>
        <source>Clear despite the warnings?</source>
        <translation>不顾警示仍要放行？</translation>
    </message>
    <message>
        <source>Compare the documents with the form. Clear anyway?</source>
        <translation>请将证件与表单核对。仍要放行吗？</translation>
    </message>
    <message>
        <source>&amp;Clear anyway</source>
        <translation>仍然放行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>返回表单(&amp;B)</translation>
    </message>
    <message>
        <source>Cleared despite: {doubts}</source>
        <translation>放行时存在以下疑点：{doubts}</translation>
    </message>
    <message>
        <source>The watchlist is still loading — decide again in a moment.</source>
        <translation>布控名单正在加载，请稍后再作决定。</translation>
    </message>
    <message>
        <source>Clearing despite a watchlist hit needs a supervisor.</source>
        <translation>命中布控名单仍要放行，须经主管批准。</translation>
    </message>
    <message>
        <source>A scan arrived while a question was open and was not used: scan it again.</source>
        <translation>提问窗口打开时收到的扫描内容未被使用：请重新扫描。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved #{seq}: {decision} — {who}</source>
        <translation>已保存 #{seq}：{decision} — {who}</translation>
    </message>
    <message>
        <source>NOT SAVED — the form is kept. {error}</source>
        <translation>未保存 — 表单内容已保留。{error}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Watchlist not available — records are saved as not checked.</source>
        <translation>布控名单不可用——记录将按“未比对”保存。</translation>
    </message>
    <message>
        <source>Watchlist v{v} is STALE (past its expiry) — checks use it until a newer one arrives.</source>
        <translation>布控名单 v{v} 已过期——在收到新版本前仍按此版本比对。</translation>
    </message>
    <message>
        <source>No hit.</source>
        <translation>未命中。</translation>
    </message>
    <message>
        <source>✓ Watchlist v{v}: no hit</source>
        <translation>✓ 布控名单 v{v}：未命中</translation>
    </message>
    <message>
        <source>VOIDED</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>F6 entry/exit · Ctrl+Return clear · F8 refer · F9 refuse</source>
        <translation>F6 入境/出境 · Ctrl+回车 放行 · F8 移交二线 · F9 拒绝</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>布控名单</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Clear
Ctrl+Return</source>
        <translation>放行
Ctrl+回车</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Refer to secondary
F8</source>
        <translation>移交二线
F8</translation>
    </message>
    <message>
        <source>Refer to secondary</source>
        <translation>移交二线</translation>
    </message>
    <message>
        <source>Refuse
F9</source>
        <translation>拒绝
F9</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Today at this lane</source>
        <translation>本通道今日记录</translation>
    </message>
</context>
<context>
    <name>LiftHoldDialog</name>
    <message>
        <source>&amp;Why the hold is lifted:</source>
        <translation>解除暂停的原因(&amp;W)：</translation>
    </message>
    <message>
        <source>Why the hold is lifted</source>
        <translation>解除暂停的原因</translation>
    </message>
    <message>
        <source>This lane database was restored on {since} from a backup that ends at record #{seq}. Records the lane saved after that backup are at the central, and a sync brings them back; until then, new records are held, because they would take the numbers of those records.

Wait for the sync when the central can be reached (Cancel). Lift the hold only when the lane cannot wait: the central will then flag the records numbered twice, and IT must sort them out.</source>
        <translation>本通道数据库已于 {since} 从备份恢复，该备份截至记录 #{seq}。通道在该备份之后保存的记录都在中心，同步会把它们取回；在此之前，新记录暂不保存，否则它们会占用那些记录的编号。

能连上中心时，请等待同步（取消）。只有通道确实不能等待时才解除暂停：中心随后会标记编号重复的记录，须由信息技术人员处理。</translation>
    </message>
    <message>
        <source>Lift the hold</source>
        <translation>解除暂停</translation>
    </message>
    <message>
        <source>Restored database: new records are held</source>
        <translation>数据库已恢复：新记录暂停保存</translation>
    </message>
    <message>
        <source>&amp;Why the lane cannot wait for the central:</source>
        <translation>通道为何不能等待中心(&amp;W)：</translation>
    </message>
    <message>
        <source>Why the lane cannot wait for the central</source>
        <translation>通道为何不能等待中心</translation>
    </message>
    <message>
        <source>I lift the hold; IT sorts out any records numbered twice</source>
        <translation>我解除暂停；编号重复的记录由信息技术人员处理</translation>
    </message>
    <message>
        <source>I lift the hold</source>
        <translation>我解除暂停</translation>
    </message>
    <message>
        <source>Supervisor &amp;code:</source>
        <translation>主管代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Supervisor code</source>
        <translation>主管代码</translation>
    </message>
    <message>
        <source>Supervisor &amp;PIN:</source>
        <translation>主管 PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>主管 PIN 码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Only {officer} or a supervisor can unlock this screen.</source>
        <translation>只有 {officer} 或值班主管可以解锁此屏幕。</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>The work in progress is kept. Enter your PIN, or a supervisor&apos;s code and PIN, to continue.</source>
        <translation>正在进行的工作已保留。请输入您的 PIN 码，或由主管输入代码和 PIN 码后继续。</translation>
    </message>
    <message>
        <source>Officer &amp;code:</source>
        <translation>查验员代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Officer code</source>
        <translation>查验员代码</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Too many wrong PINs: this account is locked until {time}. Wait, or ask a supervisor.</source>
        <translation>PIN 码错误次数过多：该账户已锁定至 {time}。请等待，或联系值班主管。</translation>
    </message>
    <message>
        <source>Wrong officer code or PIN. {count} attempt(s) left before the account is locked for {minutes} minutes.</source>
        <translation>查验员代码或 PIN 码错误。再错 {count} 次，账户将被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Port {port} · lane {lane} · workstation {ws}</source>
        <translation>口岸 {port} · 通道 {lane} · 工作站 {ws}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits: that was not checked, and no attempt was counted. If a scanner typed it, enter your PIN first, then scan again.</source>
        <translation>PIN 为 4 至 12 位数字：刚才的输入未作核对，也不计入尝试次数。如果是扫码枪输入的，请先输入您的 PIN，再重新扫描。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Lane client — sign in</source>
        <translation>通道查验系统 — 登录</translation>
    </message>
    <message>
        <source>DEMO WORKSTATION — not for real inspections. Accounts: officer DEMO01 (PIN 2468), supervisor SUP01 (PIN 1357).</source>
        <translation>演示工作站 — 不得用于实际查验。账户：查验员 DEMO01（PIN 2468），主管 SUP01（PIN 1357）。</translation>
    </message>
    <message>
        <source>Officer &amp;code:</source>
        <translation>查验员代码(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. DEMO01</source>
        <translation>例如 DEMO01</translation>
    </message>
    <message>
        <source>Officer code</source>
        <translation>查验员代码</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Gate check</source>
        <translation>卡口核验</translation>
    </message>
    <message>
        <source>Preparing the demo workstation ({n} sample clearances)…</source>
        <translation>正在准备演示工作站（{n} 条示例查验记录）…</translation>
    </message>
    <message>
        <source>Opening the lane database…</source>
        <translation>正在打开通道数据库…</translation>
    </message>
    <message>
        <source>This workstation is not set up; restart the application to set it up.</source>
        <translation>本工作站尚未设置；请重新启动程序进行设置。</translation>
    </message>
    <message>
        <source>DEMO WORKSTATION — synthetic data, not for real inspections.</source>
        <translation>演示工作站 — 模拟数据，不得用于实际查验。</translation>
    </message>
    <message>
        <source>Restored from a backup (up to record #{seq}): new records are held until a sync with the central brings back the records saved after it. If the central cannot be reached, a supervisor can lift the hold (Tools menu).</source>
        <translation>已从备份恢复（截至记录 #{seq}）：新记录暂停保存，直到与中心同步取回该备份之后保存的记录。如果连不上中心，主管可以解除暂停（工具菜单）。</translation>
    </message>
    <message>
        <source>No shift was opened, so you were signed out: the work of a lane is recorded in a shift. Sign in again to open one.</source>
        <translation>未开班，因此已退出登录：通道的工作都记录在班次中。请重新登录以开班。</translation>
    </message>
    <message>
        <source>This lane database was restored from a backup, and no shift can be opened until a sync with the central brings back the records saved after it. Wait for the sync (the status bar shows it), or ask a supervisor to sign in and lift the hold.</source>
        <translation>本通道数据库已从备份恢复，在与中心同步取回该备份之后保存的记录之前，不能开班。请等待同步（状态栏会显示进度），或请主管登录并解除暂停。</translation>
    </message>
    <message>
        <source>A form is filled in but not saved. Close the shift anyway and clear it?</source>
        <translation>有表单已填写但未保存。仍要交班并清空它吗？</translation>
    </message>
    <message>
        <source>&amp;Close the shift and clear it</source>
        <translation>交班并清空(&amp;C)</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>班次已结束</translation>
    </message>
    <message>
        <source>The shift is closed. Export the shift report now?</source>
        <translation>班次已结束。现在导出班次报表吗？</translation>
    </message>
    <message>
        <source>A form is filled in but not saved. Sign out anyway and clear it?</source>
        <translation>有表单已填写但尚未保存。仍要退出登录并清空该表单吗？</translation>
    </message>
    <message>
        <source>&amp;Sign out and clear it</source>
        <translation>退出登录并清空表单(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>返回表单(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Gate check</source>
        <translation>卡口核验(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Watchlist alerts</source>
        <translation>布控预警(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Print release slip for the last vehicle</source>
        <translation>打印最近一辆车的放行单(&amp;P)</translation>
    </message>
    <message>
        <source>Choose the vehicle&apos;s record in the list (Down from the filter box), then Ctrl+P.</source>
        <translation>请在列表中选择该车辆的记录（在筛选框中按下方向键），然后按 Ctrl+P。</translation>
    </message>
    <message>
        <source>No vehicle has been cleared in this session yet.</source>
        <translation>本次登录后尚未放行任何车辆。</translation>
    </message>
    <message>
        <source>This workstation is not enrolled with a central store yet, so there is nothing to sync with. IT gives a one-time code for it (`inspection-client enrol`). Every record is kept and waits until then.</source>
        <translation>本工作站尚未在中心库注册，因此无处同步。注册需由信息技术人员提供一次性代码（`inspection-client enrol`）。所有记录均已保留，等到注册后发送。</translation>
    </message>
    <message>
        <source>Synchronisation is not available in this installation.</source>
        <translation>此安装版本不提供同步功能。</translation>
    </message>
    <message>
        <source>An officer signed in can change this.</source>
        <translation>须由已登录的查验员更改。</translation>
    </message>
    <message>
        <source>Lane client {version}</source>
        <translation>通道查验系统 {version}</translation>
    </message>
    <message>
        <source>&amp;Close and clear it</source>
        <translation>关闭程序并清空表单(&amp;C)</translation>
    </message>
    <message>
        <source>Unsaved form</source>
        <translation>表单未保存</translation>
    </message>
    <message>
        <source>A form is filled in but not saved. Close the application anyway?</source>
        <translation>有已填写但未保存的表单。仍要关闭程序吗？</translation>
    </message>
    <message>
        <source>Lane client</source>
        <translation>通道查验系统</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>&amp;Shift</source>
        <translation>班次(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Close shift…</source>
        <translation>交班(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <source>Change my P&amp;IN…</source>
        <translation>修改我的 PIN 码(&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Lift the restore hold…</source>
        <translation>解除恢复后的暂停(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Rebuild the search index…</source>
        <translation>重建检索索引(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Passenger lane</source>
        <translation>旅客通道(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Vehicle lane</source>
        <translation>车辆通道(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Back up at every shift &amp;close</source>
        <translation>每次交班时备份(&amp;C)</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>{name} ({code}) has no open shift. Open one now?</source>
        <translation>{name}（{code}）没有进行中的班次。现在接班吗？</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>接班</translation>
    </message>
    <message>
        <source>Lane:</source>
        <translation>通道：</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>PassengerFields</name>
    <message>
        <source>Unspecified</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>MRZ not readable — check the lines, or type the fields</source>
        <translation>机读区无法识别——请核对各行，或手工录入各项</translation>
    </message>
    <message>
        <source>This is not a machine readable zone: {reason}. Scan the document again, or type the fields.</source>
        <translation>这不是机读区：{reason}。请重新扫描证件，或手工录入各栏。</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>“{character}” is not one of its characters (A to Z, 0 to 9, &lt;)</source>
        <translation>“{character}”不是机读区字符（A 至 Z、0 至 9、&lt;）</translation>
    </message>
    <message>
        <source>a line of {length} characters (its lines have 30, 36 or 44)</source>
        <translation>有一行为 {length} 个字符（机读区每行为 30、36 或 44 个字符）</translation>
    </message>
    <message>
        <source>a line of {length} characters after one of {first} (its lines are all as long)</source>
        <translation>{first} 个字符的一行之后是 {length} 个字符的一行（机读区各行等长）</translation>
    </message>
    <message>
        <source>more than {count} lines of {length} characters</source>
        <translation>超过 {count} 行 {length} 个字符的行</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>optional data</source>
        <translation>可选数据</translation>
    </message>
    <message>
        <source>composite</source>
        <translation>综合校验</translation>
    </message>
    <message>
        <source>BAD</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Check digits: {summary}</source>
        <translation>校验位：{summary}</translation>
    </message>
    <message>
        <source>None / travelling alone</source>
        <translation>无 / 单独出行</translation>
    </message>
    <message>
        <source>The adult recorded with this minor</source>
        <translation>与该未成年人一同登记的成人</translation>
    </message>
    <message>
        <source>Choose the accompanying adult…</source>
        <translation>请选择陪同成人…</translation>
    </message>
    <message>
        <source>Required: why the minor travels alone</source>
        <translation>必填：未成年人单独出行的原因</translation>
    </message>
    <message>
        <source>DOCUMENT EXPIRED on {date}</source>
        <translation>证件已于 {date} 过期</translation>
    </message>
    <message>
        <source>MINOR — age {age}</source>
        <translation>未成年 — {age} 岁</translation>
    </message>
    <message>
        <source>MRZ CHECK FAILED — compare with the document</source>
        <translation>机读区校验失败 — 请与证件核对</translation>
    </message>
    <message>
        <source>✓ Document read, all checks passed</source>
        <translation>✓ 证件已读取，全部校验通过</translation>
    </message>
    <message>
        <source>Waiting for the document reader…</source>
        <translation>等待证件阅读器…</translation>
    </message>
    <message>
        <source>MINOR</source>
        <translation>未成年</translation>
    </message>
    <message>
        <source>The date of birth {text} is not a date: write it as YYYY-MM-DD.</source>
        <translation>出生日期 {text} 不是有效日期：请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>The date of expiry {text} is not a date: write it as YYYY-MM-DD.</source>
        <translation>有效期至 {text} 不是有效日期：请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>Scan the document, or type at least its number and the surname.</source>
        <translation>请扫描证件，或至少输入证件号码和姓氏。</translation>
    </message>
    <message>
        <source>A minor: choose the accompanying adult, or None / travelling alone with a remark saying why.</source>
        <translation>未成年人：请选择陪同成人，或选择“无 / 单独出行”并在备注中说明原因。</translation>
    </message>
    <message>
        <source>A minor travelling alone: choose the accompanying adult, or say in the remarks why the minor travels alone.</source>
        <translation>未成年人单独出行：请选择陪同成人，或在备注中说明其单独出行的原因。</translation>
    </message>
    <message>
        <source>NO DATE OF EXPIRY — the document&apos;s own is not in the form</source>
        <translation>无有效期 — 表单中没有证件上的有效期</translation>
    </message>
    <message>
        <source>&amp;MRZ (document reader):</source>
        <translation>机读区（证件阅读器）(&amp;M)：</translation>
    </message>
    <message>
        <source>MRZ</source>
        <translation>机读区</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Acc&amp;ompanying adult:</source>
        <translation>陪同成人(&amp;O)：</translation>
    </message>
    <message>
        <source>Accompanying adult</source>
        <translation>陪同成人</translation>
    </message>
    <message>
        <source>Check digits</source>
        <translation>校验位</translation>
    </message>
    <message>
        <source>Document &amp;code:</source>
        <translation>证件类型代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Document code</source>
        <translation>证件类型代码</translation>
    </message>
    <message>
        <source>&amp;Issuing state:</source>
        <translation>签发国(&amp;I)：</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>签发国</translation>
    </message>
    <message>
        <source>Document &amp;number:</source>
        <translation>证件号码(&amp;N)：</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>S&amp;urname:</source>
        <translation>姓(&amp;U)：</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Gi&amp;ven names:</source>
        <translation>名(&amp;V)：</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>名</translation>
    </message>
    <message>
        <source>N&amp;ationality:</source>
        <translation>国籍(&amp;A)：</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>出生日期(&amp;B)：</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>S&amp;ex:</source>
        <translation>性别(&amp;E)：</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Date of e&amp;xpiry:</source>
        <translation>有效期至(&amp;X)：</translation>
    </message>
    <message>
        <source>Date of expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>事由(&amp;P)：</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Traveller &amp;role:</source>
        <translation>旅客身份(&amp;R)：</translation>
    </message>
    <message>
        <source>Traveller role</source>
        <translation>旅客身份</translation>
    </message>
    <message>
        <source>Remar&amp;ks:</source>
        <translation>备注(&amp;K)：</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>VOIDED</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>amended {n} time(s)</source>
        <translation>已更正 {n} 次</translation>
    </message>
    <message>
        <source>as recorded</source>
        <translation>按原记录</translation>
    </message>
    <message>
        <source>Record #{seq} — {status}</source>
        <translation>记录 #{seq} — {status}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Record history</source>
        <translation>记录历史</translation>
    </message>
    <message>
        <source>&amp;Amend…</source>
        <translation>更正(&amp;A)…</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Release &amp;slip…</source>
        <translation>放行单(&amp;S)…</translation>
    </message>
    <message>
        <source>Release slip…</source>
        <translation>放行单…</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>A refusal needs a coded ground.</source>
        <translation>拒绝须选择一个编码理由。</translation>
    </message>
    <message>
        <source>&amp;Ground of refusal:</source>
        <translation>拒绝理由(&amp;G)：</translation>
    </message>
    <message>
        <source>Ground of refusal</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <source>Choose the ground…</source>
        <translation>请选择理由…</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>{opened} – {closed} · {officer} · 1 clearance</source>
        <translation>{opened} – {closed} · {officer} · 1 人次</translation>
    </message>
    <message>
        <source>{opened} – {closed} · {officer} · {count} clearances</source>
        <translation>{opened} – {closed} · {officer} · {count} 人次</translation>
    </message>
    <message>
        <source>No shift has been recorded here yet.</source>
        <translation>本工作站尚无班次记录。</translation>
    </message>
    <message>
        <source>Choose a shift or a period first.</source>
        <translation>请先选择班次或时段。</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>1 clearance in this report.</source>
        <translation>本报表共 1 条查验记录。</translation>
    </message>
    <message>
        <source>{count} clearances in this report.</source>
        <translation>本报表共 {count} 条查验记录。</translation>
    </message>
    <message>
        <source>Shift {id}, opened {opened}, closed {closed}</source>
        <translation>班次 {id}，开始 {opened}，结束 {closed}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <source>Period {start} to {end}</source>
        <translation>时段 {start} 至 {end}</translation>
    </message>
    <message>
        <source>Shift report</source>
        <translation>班次报表</translation>
    </message>
    <message>
        <source>Report for a period</source>
        <translation>时段报告</translation>
    </message>
    <message>
        <source>Port {port}, lane {lane}, workstation {ws}</source>
        <translation>口岸 {port}，通道 {lane}，工作站 {ws}</translation>
    </message>
    <message>
        <source>Officers: {officers}; sequence numbers {first} to {last}</source>
        <translation>查验员：{officers}；序号 {first} 至 {last}</translation>
    </message>
    <message>
        <source>Total {total}: cleared {cleared}, referred {referred}, refused {refused} ({passengers} passengers, {vehicles} vehicles).</source>
        <translation>合计 {total}：放行 {cleared}，移交二线 {referred}，拒绝 {refused}（旅客 {passengers}，车辆 {vehicles}）。</translation>
    </message>
    <message>
        <source>Voided clearances are left out of every figure.</source>
        <translation>已作废的查验记录不计入任何统计。</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>旅客</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Passengers by nationality</source>
        <translation>旅客（按国籍）</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Vehicles by kind and cargo</source>
        <translation>车辆（按车型和货类）</translation>
    </message>
    <message>
        <source>Vehicle kind</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Cargo</source>
        <translation>货类</translation>
    </message>
    <message>
        <source>Refusals</source>
        <translation>拒绝记录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Amendments and voids</source>
        <translation>更正与作废</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Green-channel vehicles: {green}. Exported complete vehicles (VINs): {vins}. Referrals: {referrals}. Watchlist hits: {hits}.</source>
        <translation>绿色通道车辆：{green}。出口整车（车辆识别代号）：{vins}。移交二线：{referrals}。布控命中：{hits}。</translation>
    </message>
    <message>
        <source>Particular occurrences</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <source>Records not yet synchronised: {n}.</source>
        <translation>尚未同步的记录：{n} 条。</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>已打开 {path}</translation>
    </message>
    <message>
        <source>No program to show PDF files is set up here; the report is in {path}. Use Export… to keep it, or Print…</source>
        <translation>本机未设置可显示 PDF 文件的程序；报表位于 {path}。可用“导出…”保存，或用“打印…”打印。</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Choose the printer, then Print.</source>
        <translation>请选择打印机，然后点击“打印”。</translation>
    </message>
    <message>
        <source>Preparing the pages for printing…</source>
        <translation>正在准备打印页面…</translation>
    </message>
    <message>
        <source>Sent {n} page(s) to the printer.</source>
        <translation>已向打印机发送 {n} 页。</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>What to report</source>
        <translation>报表范围</translation>
    </message>
    <message>
        <source>A sh&amp;ift:</source>
        <translation>班次(&amp;I)：</translation>
    </message>
    <message>
        <source>Report a shift</source>
        <translation>按班次出报表</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Re&amp;fresh list</source>
        <translation>刷新列表(&amp;F)</translation>
    </message>
    <message>
        <source>Refresh the list of shifts</source>
        <translation>刷新班次列表</translation>
    </message>
    <message>
        <source>A p&amp;eriod from:</source>
        <translation>时段(&amp;E)，从：</translation>
    </message>
    <message>
        <source>Report a period</source>
        <translation>按时段出报表</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>时段第一天</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>至(&amp;O)</translation>
    </message>
    <message>
        <source>Show the &amp;report</source>
        <translation>显示报表(&amp;R)</translation>
    </message>
    <message>
        <source>Open as P&amp;DF</source>
        <translation>以 PDF 打开(&amp;D)</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>时段最后一天</translation>
    </message>
    <message>
        <source>Show the report</source>
        <translation>显示报表</translation>
    </message>
    <message>
        <source>Open the report as PDF</source>
        <translation>以 PDF 打开报表</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the report to PDF, CSV or XLSX</source>
        <translation>将报表导出为 PDF、CSV 或 XLSX</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>报表状态</translation>
    </message>
    <message>
        <source>Report summary</source>
        <translation>报表摘要</translation>
    </message>
</context>
<context>
    <name>ResetPinDialog</name>
    <message>
        <source>{supervisor}: choose the officer and type their new PIN twice. A PIN is 4 to 12 digits; PINs that are easy to guess are refused. The new PIN lifts a lock after wrong PINs, and the officer&apos;s old PIN stops working. Tell the officer the PIN in person; they can change it with Shift → Change my PIN. Confirm with your own PIN: a wrong one counts towards the lock of your account, as at sign-in.</source>
        <translation>{supervisor}：请选择查验员并输入其新 PIN 码两次。PIN 码为 4 至 12 位数字；容易猜到的 PIN 码不予接受。新 PIN 码会解除因输错 PIN 码造成的锁定，该查验员的旧 PIN 码随即失效。请当面告知查验员新 PIN 码；其本人可通过“班次 → 修改我的 PIN 码”自行修改。请用您自己的 PIN 码确认：输错与登录时一样，计入您账户的锁定次数。</translation>
    </message>
    <message>
        <source>{code} — {name} (no PIN yet)</source>
        <translation>{code} — {name}（尚未设置 PIN 码）</translation>
    </message>
    <message>
        <source>{code} — {name} (locked until {time})</source>
        <translation>{code} — {name}（锁定至 {time}）</translation>
    </message>
    <message>
        <source>{code} — {name}</source>
        <translation>{code} — {name}</translation>
    </message>
    <message>
        <source>The two new PINs differ; type the same PIN twice.</source>
        <translation>两次输入的新 PIN 码不一致；请输入相同的 PIN 码两次。</translation>
    </message>
    <message>
        <source>Your own PIN is wrong; nothing was changed. It counts as a wrong PIN for your account {supervisor}: {count} attempt(s) left before it is locked for {minutes} minutes.</source>
        <translation>您自己的 PIN 码不正确；未做任何更改。此次计为您的账户 {supervisor} 输错一次 PIN 码：再输错 {count} 次，账户将被锁定 {minutes} 分钟。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: your account {supervisor} is locked until {time}, and cannot give anyone a new PIN until then. Nothing was changed.</source>
        <translation>PIN 码输错次数过多：您的账户 {supervisor} 已锁定至 {time}，在此之前不能为任何人设置新 PIN 码。未做任何更改。</translation>
    </message>
    <message>
        <source>&amp;Reset an officer&apos;s PIN…</source>
        <translation>重置查验员的 PIN 码(&amp;R)…</translation>
    </message>
    <message>
        <source>Only a supervisor can give another officer a new PIN. Ask a supervisor, or IT.</source>
        <translation>只有主管才能为其他查验员设置新 PIN 码。请联系主管或信息技术人员。</translation>
    </message>
    <message>
        <source>There is no other officer on this workstation whose PIN you can reset (an administrator&apos;s is IT&apos;s to reset).</source>
        <translation>本工作站没有您可以重置 PIN 码的其他查验员（管理员的 PIN 码由信息技术人员重置）。</translation>
    </message>
    <message>
        <source>{officer} has a new PIN and can sign in with it now. Tell it to them in person; they can change it with Shift → Change my PIN.</source>
        <translation>{officer} 已有新 PIN 码，现在即可用其登录。请当面告知；其本人可通过“班次 → 修改我的 PIN 码”自行修改。</translation>
    </message>
    <message>
        <source>Reset an officer&apos;s PIN</source>
        <translation>重置查验员的 PIN 码</translation>
    </message>
    <message>
        <source>&amp;Officer:</source>
        <translation>查验员(&amp;O)：</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>查验员</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>新 PIN 码(&amp;N)：</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <source>New PIN &amp;again:</source>
        <translation>再次输入新 PIN 码(&amp;A)：</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新 PIN 码</translation>
    </message>
    <message>
        <source>&amp;Your own PIN:</source>
        <translation>您自己的 PIN 码(&amp;Y)：</translation>
    </message>
    <message>
        <source>Your own PIN</source>
        <translation>您自己的 PIN 码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Loc&amp;k the screen after idle minutes:</source>
        <translation>空闲多少分钟后锁屏(&amp;K)：</translation>
    </message>
    <message>
        <source>Lock the screen after idle minutes</source>
        <translation>空闲多少分钟后锁屏</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>This workstation ({workstation}) is set up but has no sign-in account yet. Enter the first supervisor account.</source>
        <translation>本工作站（{workstation}）已设置，但尚无登录账户。请输入第一个主管账户。</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>两次输入的 PIN 码不一致；请输入相同的 PIN 码。</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>PIN 码为 4 至 12 位数字。</translation>
    </message>
    <message>
        <source>Set up this workstation</source>
        <translation>设置本工作站</translation>
    </message>
    <message>
        <source>This data directory holds no workstation yet. Enter where it serves and the first supervisor account.</source>
        <translation>该数据目录中尚无工作站。请填写所属口岸和通道，以及第一个主管账户。</translation>
    </message>
    <message>
        <source>&amp;Port code:</source>
        <translation>口岸代码(&amp;P)：</translation>
    </message>
    <message>
        <source>e.g. KHG</source>
        <translation>例如 KHG</translation>
    </message>
    <message>
        <source>Port code</source>
        <translation>口岸代码</translation>
    </message>
    <message>
        <source>&amp;Lane:</source>
        <translation>通道(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. P01</source>
        <translation>例如 P01</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Lane &amp;kind:</source>
        <translation>通道类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Lane kind</source>
        <translation>通道类型</translation>
    </message>
    <message>
        <source>Default &amp;direction:</source>
        <translation>默认方向(&amp;D)：</translation>
    </message>
    <message>
        <source>Default direction</source>
        <translation>默认方向</translation>
    </message>
    <message>
        <source>Supervisor c&amp;ode:</source>
        <translation>主管代码(&amp;O)：</translation>
    </message>
    <message>
        <source>Supervisor code</source>
        <translation>主管代码</translation>
    </message>
    <message>
        <source>Supervisor &amp;name:</source>
        <translation>主管姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Supervisor name</source>
        <translation>主管姓名</translation>
    </message>
    <message>
        <source>P&amp;IN:</source>
        <translation>PIN 码(&amp;I)：</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>PIN &amp;again:</source>
        <translation>再次输入 PIN 码(&amp;A)：</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>SlipPreviewDialog</name>
    <message>
        <source>80 mm receipt</source>
        <translation>80 毫米小票</translation>
    </message>
    <message>
        <source>A5 sheet</source>
        <translation>A5 纸</translation>
    </message>
    <message>
        <source>Release slip for {plate} — {decision}, {direction}.
VINs: {vins} · containers: {containers}
Valid until {until}.</source>
        <translation>{plate} 的放行单 — {decision}，{direction}。
车辆识别代号：{vins} · 集装箱：{containers}
有效期至 {until}。</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Save the release slip</source>
        <translation>保存放行单</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Choose the printer, then Print.</source>
        <translation>请选择打印机，然后点击“打印”。</translation>
    </message>
    <message>
        <source>Sent {n} page(s) to the printer.</source>
        <translation>已向打印机发送 {n} 页。</translation>
    </message>
    <message>
        <source>Release slip</source>
        <translation>放行单</translation>
    </message>
    <message>
        <source>Slip preview</source>
        <translation>放行单预览</translation>
    </message>
    <message>
        <source>Slip image</source>
        <translation>放行单图像</translation>
    </message>
    <message>
        <source>Paper si&amp;ze:</source>
        <translation>纸张尺寸(&amp;Z)：</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>纸张尺寸</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the slip</source>
        <translation>打印放行单</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the slip as PDF</source>
        <translation>将放行单另存为 PDF</translation>
    </message>
    <message>
        <source>Save as P&amp;NG…</source>
        <translation>另存为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Save the slip as PNG image</source>
        <translation>将放行单另存为 PNG 图片</translation>
    </message>
    <message>
        <source>Slip status</source>
        <translation>放行单状态</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>StatusSegments</name>
    <message>
        <source>Officer: {code}</source>
        <translation>查验员：{code}</translation>
    </message>
    <message>
        <source>Lane: {lane}</source>
        <translation>通道：{lane}</translation>
    </message>
    <message>
        <source>{h}h {m:02d}m</source>
        <translation>{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <source>Shift: {duration}</source>
        <translation>班次：{duration}</translation>
    </message>
    <message>
        <source>No open shift</source>
        <translation>无进行中的班次</translation>
    </message>
    <message>
        <source>{cleared} cleared · {referred} referred · {refused} refused</source>
        <translation>放行 {cleared} · 移交 {referred} · 拒绝 {refused}</translation>
    </message>
    <message>
        <source>{cleared} ✓ · {referred} ↗ · {refused} ✗</source>
        <translation>{cleared} ✓ · {referred} ↗ · {refused} ✗</translation>
    </message>
    <message>
        <source>This shift: {total} ({cleared} cleared, {referred} referred, {refused} refused)</source>
        <translation>本班次：{total}（放行 {cleared}，移交 {referred}，拒绝 {refused}）</translation>
    </message>
    <message>
        <source>{n} min old</source>
        <translation>{n} 分钟前</translation>
    </message>
    <message>
        <source>{n} h old</source>
        <translation>{n} 小时前</translation>
    </message>
    <message>
        <source>{n} days old</source>
        <translation>{n} 天前</translation>
    </message>
    <message>
        <source>Watchlist not available</source>
        <translation>布控名单不可用</translation>
    </message>
    <message>
        <source>Watchlist v{v} STALE</source>
        <translation>布控名单 v{v} 已过期</translation>
    </message>
    <message>
        <source>(expired {date})</source>
        <translation>（{date} 过期）</translation>
    </message>
    <message>
        <source>Watchlist v{v}, {age}</source>
        <translation>布控名单 v{v}，{age}</translation>
    </message>
    <message>
        <source>Watchlist v{v}</source>
        <translation>布控名单 v{v}</translation>
    </message>
    <message>
        <source>{n} alert(s)</source>
        <translation>{n} 条预警</translation>
    </message>
    <message>
        <source>{n} watchlist alert(s): earlier records that a newer watchlist matches (Ctrl+6)</source>
        <translation>{n} 条布控预警：较新的布控名单命中了之前的记录（Ctrl+6）</translation>
    </message>
    <message>
        <source>Offline — {pending} waiting</source>
        <translation>离线 — {pending} 条待发送</translation>
    </message>
    <message>
        <source>Last complete sync: {time}</source>
        <translation>最近一次完整同步：{time}</translation>
    </message>
    <message>
        <source>No complete sync yet.</source>
        <translation>尚无完整同步。</translation>
    </message>
    <message>
        <source>{pending} waiting</source>
        <translation>{pending} 条待发送</translation>
    </message>
    <message>
        <source>{pending} waiting · synced {time}</source>
        <translation>{pending} 条待发送 · {time} 已同步</translation>
    </message>
    <message>
        <source>{pending} waiting · not synced yet</source>
        <translation>{pending} 条待发送 · 尚未同步</translation>
    </message>
    <message>
        <source>{pending} waiting · not enrolled</source>
        <translation>{pending} 条待发送 · 未注册</translation>
    </message>
    <message>
        <source>{n} sync problem(s)</source>
        <translation>{n} 个同步问题</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>查验员</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Shift duration</source>
        <translation>班次时长</translation>
    </message>
    <message>
        <source>Counts this shift</source>
        <translation>本班次统计</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>立即同步(&amp;N)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Watchlist</source>
        <translation>布控名单</translation>
    </message>
    <message>
        <source>Watchlist alerts</source>
        <translation>布控预警</translation>
    </message>
</context>
<context>
    <name>SupervisorApproval</name>
    <message>
        <source>Give the supervisor&apos;s code.</source>
        <translation>请输入主管代码。</translation>
    </message>
    <message>
        <source>Give the supervisor&apos;s PIN.</source>
        <translation>请输入主管 PIN 码。</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <source>Supervisor approval</source>
        <translation>主管批准</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Supervisor &amp;code:</source>
        <translation>主管代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Supervisor code</source>
        <translation>主管代码</translation>
    </message>
    <message>
        <source>Supervisor &amp;PIN:</source>
        <translation>主管 PIN 码(&amp;P)：</translation>
    </message>
    <message>
        <source>Supervisor PIN</source>
        <translation>主管 PIN 码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>SyncProblemsScreen</name>
    <message>
        <source>Sync problems</source>
        <translation>同步问题</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>被拒收</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Passenger clearance</source>
        <translation>旅客通关</translation>
    </message>
    <message>
        <source>Vehicle clearance</source>
        <translation>车辆通关</translation>
    </message>
    <message>
        <source>Amendment</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>{n} record(s) need a supervisor</source>
        <translation>{n} 条记录需主管处理</translation>
    </message>
    <message>
        <source>(no reason given)</source>
        <translation>（未说明原因）</translation>
    </message>
    <message>
        <source>A supervisor signs in to send records again.</source>
        <translation>须由主管登录后才能重新发送记录。</translation>
    </message>
    <message>
        <source>The central holds a different record with this id: sending it again cannot help. Open it and ask IT.</source>
        <translation>中心已存有相同编号但内容不同的记录：重新发送无济于事。请打开记录并联系信息技术人员。</translation>
    </message>
    <message>
        <source>Put the record back in the outbox for the next sync.</source>
        <translation>将记录放回待发送队列，在下次同步时发送。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Send record #{seq} again? The central rejected it: {reason}

Send it again only when IT says the cause is fixed at the central; otherwise it comes back here. The record itself is not changed.</source>
        <translation>重新发送记录 #{seq}？中心曾拒收该记录：{reason}

仅在信息技术人员确认中心一侧的原因已排除后再重新发送，否则记录会再次回到此处。记录本身不会被更改。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>This record is not a clearance; its content:</source>
        <translation>此记录不是通关记录，其内容如下：</translation>
    </message>
    <message>
        <source>Records the central store rejected or found in conflict. A supervisor reads the central&apos;s reason and corrects the record in History (Amend… or Void…), or asks IT. Once IT has fixed the cause at the central (an upgrade, say), a supervisor sends a rejected record again.</source>
        <translation>中心库拒收或发现冲突的记录。主管阅读中心给出的原因，在“历史记录”中更正（更正…或作废…）该记录，或联系 IT。IT 在中心排除原因（例如升级）后，主管可重新发送被拒收的记录。</translation>
    </message>
    <message>
        <source>About this queue</source>
        <translation>关于此队列</translation>
    </message>
    <message>
        <source>Number of sync problems</source>
        <translation>同步问题数量</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <source>The central&apos;s reason</source>
        <translation>中心给出的原因</translation>
    </message>
    <message>
        <source>&amp;Open record…</source>
        <translation>打开记录(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the selected record</source>
        <translation>打开所选记录</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>刷新列表</translation>
    </message>
    <message>
        <source>Send &amp;again…</source>
        <translation>重新发送(&amp;A)…</translation>
    </message>
    <message>
        <source>Send the selected rejected record again</source>
        <translation>重新发送所选的被拒收记录</translation>
    </message>
</context>
<context>
    <name>SyncRunner</name>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Syncing {sent} of {total}</source>
        <translation>正在同步 {sent}/{total}</translation>
    </message>
    <message>
        <source>Sync problem: {reason}</source>
        <translation>同步问题：{reason}</translation>
    </message>
    <message>
        <source>{count} lost records taken back from the central</source>
        <translation>已从中心取回丢失的记录 {count} 条</translation>
    </message>
</context>
<context>
    <name>TypedFieldGuard</name>
    <message>
        <source>Not taken in {field}: that is a line of a document&apos;s machine readable zone. Scan the document with the focus in the MRZ box.</source>
        <translation>未填入{field}：这是证件机读区的一行。请将光标置于机读区输入框后再扫描证件。</translation>
    </message>
    <message>
        <source>Not taken in {field}: what was scanned or typed is longer than the field takes ({count} characters), so it is not one. Scan or type it again.</source>
        <translation>未填入{field}：扫描或输入的内容超过此栏可容纳的长度（{count} 个字符），不是此栏的值。请重新扫描或输入。</translation>
    </message>
    <message>
        <source>Not taken in {field}: that is a release slip&apos;s or a shift report&apos;s code. Check it at Gate check (Ctrl+5); here, type what the vehicle or document shows.</source>
        <translation>未填入{field}：这是放行单或班次报表的二维码，请到卡口核验（Ctrl+5）核验；此处请输入车辆或证件上所示的内容。</translation>
    </message>
</context>
<context>
    <name>VehicleFields</name>
    <message>
        <source>VIN {vin} not added: {errors}</source>
        <translation>车辆识别代号 {vin} 未添加：{errors}</translation>
    </message>
    <message>
        <source>VIN {vin} is already in the list.</source>
        <translation>车辆识别代号 {vin} 已在列表中。</translation>
    </message>
    <message>
        <source>VIN {vin} added: {count} in the list. Not added: {refused} — scan them again or type them from the vehicles.</source>
        <translation>已添加车辆识别代号 {vin}，列表中共 {count} 个。未添加：{refused}——请重新扫描，或照车辆上的代号手工输入。</translation>
    </message>
    <message>
        <source>VIN {vin} added: {count} in the list.</source>
        <translation>已添加车辆识别代号 {vin}，列表中共 {count} 个。</translation>
    </message>
    <message>
        <source>{count} VIN(s)</source>
        <translation>{count} 个车辆识别代号</translation>
    </message>
    <message>
        <source>not added: {vins}</source>
        <translation>未添加：{vins}</translation>
    </message>
    <message>
        <source>Driver&apos;s MRZ not usable: {errors}</source>
        <translation>驾驶员机读区无法使用：{errors}</translation>
    </message>
    <message>
        <source>No driver scanned yet.</source>
        <translation>尚未扫描驾驶员证件。</translation>
    </message>
    <message>
        <source>Driver: {name} · {number} ({state})</source>
        <translation>驾驶员：{name} · {number}（{state}）</translation>
    </message>
    <message>
        <source>MRZ checks passed</source>
        <translation>机读区校验通过</translation>
    </message>
    <message>
        <source>MRZ CHECK FAILED</source>
        <translation>机读区校验失败</translation>
    </message>
    <message>
        <source>DOCUMENT EXPIRED on {date}</source>
        <translation>证件已于 {date} 过期</translation>
    </message>
    <message>
        <source>Crew MRZ not usable: {errors}</source>
        <translation>随车人员机读区无法使用：{errors}</translation>
    </message>
    <message>
        <source>EXPIRED {date}</source>
        <translation>已过期 {date}</translation>
    </message>
    <message>
        <source>Enter the plate and the registration country.</source>
        <translation>请输入车牌号和登记国。</translation>
    </message>
    <message>
        <source>HS code {code}: {errors}</source>
        <translation>商品编码 {code}：{errors}</translation>
    </message>
    <message>
        <source>Declaration {number}: {errors}</source>
        <translation>报关单 {number}：{errors}</translation>
    </message>
    <message>
        <source>{n} VIN</source>
        <translation>{n} 个 VIN</translation>
    </message>
    <message>
        <source>{n} container(s)</source>
        <translation>{n} 个集装箱</translation>
    </message>
    <message>
        <source>Scanned VINs not added to the list: {vins}</source>
        <translation>已扫描但未加入列表的车辆识别代号：{vins}</translation>
    </message>
    <message>
        <source>No driver scanned: the driver&apos;s document is not recorded</source>
        <translation>未扫描驾驶员：驾驶员的证件没有记录</translation>
    </message>
    <message>
        <source>Driver: MRZ CHECK FAILED</source>
        <translation>驾驶员：机读区校验失败</translation>
    </message>
    <message>
        <source>Driver: {warning}</source>
        <translation>驾驶员：{warning}</translation>
    </message>
    <message>
        <source>Crew {name}: {warning}</source>
        <translation>随车人员 {name}：{warning}</translation>
    </message>
    <message>
        <source>&amp;Plate:</source>
        <translation>车牌号(&amp;P)：</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Registration &amp;country:</source>
        <translation>登记国(&amp;C)：</translation>
    </message>
    <message>
        <source>Registration country</source>
        <translation>登记国</translation>
    </message>
    <message>
        <source>Vehicle &amp;kind:</source>
        <translation>车辆类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Vehicle kind</source>
        <translation>车辆类型</translation>
    </message>
    <message>
        <source>C&amp;argo:</source>
        <translation>货物(&amp;A)：</translation>
    </message>
    <message>
        <source>Cargo</source>
        <translation>货物</translation>
    </message>
    <message>
        <source>GREEN CHANNEL — fresh agricultural goods: clear with priority</source>
        <translation>绿色通道 — 鲜活农产品：优先放行</translation>
    </message>
    <message>
        <source>Green channel</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>e.g. 0806100000, 0808100000</source>
        <translation>例如 0806100000, 0808100000</translation>
    </message>
    <message>
        <source>HS codes</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Declaration number</source>
        <translation>报关单号</translation>
    </message>
    <message>
        <source>Gross &amp;weight (kg):</source>
        <translation>毛重（千克）(&amp;W)：</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Gross weight (kg)</source>
        <translation>毛重（千克）</translation>
    </message>
    <message>
        <source>&amp;Remarks:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Dri&amp;ver MRZ:</source>
        <translation>驾驶员机读区(&amp;V)：</translation>
    </message>
    <message>
        <source>Driver MRZ</source>
        <translation>驾驶员机读区</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驾驶员</translation>
    </message>
    <message>
        <source>Crew &amp;MRZ:</source>
        <translation>随车人员机读区(&amp;M)：</translation>
    </message>
    <message>
        <source>V&amp;IN:</source>
        <translation>车辆识别代号(&amp;I)：</translation>
    </message>
    <message>
        <source>Remove se&amp;lected</source>
        <translation>删除所选(&amp;L)</translation>
    </message>
    <message>
        <source>comma-separated, then Enter</source>
        <translation>逗号分隔，回车添加</translation>
    </message>
    <message>
        <source>Crew MRZ</source>
        <translation>随车人员机读区</translation>
    </message>
    <message>
        <source>HS co&amp;des:</source>
        <translation>商品编码(&amp;D)：</translation>
    </message>
    <message>
        <source>Declaration &amp;number:</source>
        <translation>报关单号(&amp;N)：</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>随车人员</translation>
    </message>
    <message>
        <source>scan or type; Enter adds</source>
        <translation>扫描或输入，回车添加</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车辆识别代号</translation>
    </message>
    <message>
        <source>VINs</source>
        <translation>车辆识别代号</translation>
    </message>
    <message>
        <source>VIN count</source>
        <translation>车辆识别代号数量</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <source>C&amp;ontainer:</source>
        <translation>集装箱(&amp;O)：</translation>
    </message>
    <message>
        <source>e.g. CSQU3054383</source>
        <translation>例如 CSQU3054383</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>S&amp;eals:</source>
        <translation>封志(&amp;E)：</translation>
    </message>
    <message>
        <source>Seals</source>
        <translation>封志</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>集装箱</translation>
    </message>
</context>
<context>
    <name>VehicleLane</name>
    <message>
        <source>Driver {name}</source>
        <translation>驾驶员 {name}</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void a record</source>
        <translation>作废记录</translation>
    </message>
    <message>
        <source>Void record #{seq}. It stays in the log, marked void, with the reason.</source>
        <translation>作废记录 #{seq}。该记录仍保留在日志中，标记为作废并附理由。</translation>
    </message>
</context>
<context>
    <name>WatchlistAlert</name>
    <message>
        <source>Lost/stolen documents</source>
        <translation>遗失/被盗证件</translation>
    </message>
    <message>
        <source>Wanted persons</source>
        <translation>通缉人员</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>Refer to secondary inspection</source>
        <translation>移交二线查验</translation>
    </message>
    <message>
        <source>Refuse entry/exit</source>
        <translation>拒绝入出境</translation>
    </message>
    <message>
        <source>Notify the supervisor; the officer decides</source>
        <translation>通知主管；由查验员决定</translation>
    </message>
    <message>
        <source>WATCHLIST HIT — {list}: {reason} (score {score})</source>
        <translation>命中布控名单 — {list}：{reason}（分值 {score}）</translation>
    </message>
</context>
<context>
    <name>WatchlistAlertDialog</name>
    <message>
        <source>WATCHLIST HIT — entries found: {n}</source>
        <translation>命中布控名单 — 找到 {n} 条</translation>
    </message>
    <message>
        <source>Checked: {subject}</source>
        <translation>比对对象：{subject}</translation>
    </message>
    <message>
        <source>WATCHLIST HIT</source>
        <translation>命中布控名单</translation>
    </message>
    <message>
        <source>Watchlist hit</source>
        <translation>命中布控名单</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>比对对象</translation>
    </message>
    <message>
        <source>Watchlist entries found</source>
        <translation>找到的布控条目</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Required action</source>
        <translation>要求的处置</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Refer (F8) or refuse (F9) as the list requires. Clearing this traveller or vehicle needs a supervisor&apos;s code, PIN and a reason.</source>
        <translation>请按名单要求移交（F8）或拒绝（F9）。放行此旅客或车辆须有主管工号、PIN 码和理由。</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处置方法</translation>
    </message>
    <message>
        <source>Refer to secondary (F8)</source>
        <translation>移交二线 (F8)</translation>
    </message>
    <message>
        <source>Refer to secondary</source>
        <translation>移交二线</translation>
    </message>
    <message>
        <source>Refuse (F9)</source>
        <translation>拒绝 (F9)</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>I have seen it — back to the form</source>
        <translation>已知悉——返回表单</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>返回表单</translation>
    </message>
</context>
<context>
    <name>WatchlistAlertsDialog</name>
    <message>
        <source>{list}: {reason}</source>
        <translation>{list}：{reason}</translation>
    </message>
    <message>
        <source>No alerts are waiting.</source>
        <translation>没有待处理的预警。</translation>
    </message>
    <message>
        <source>Acknowledged.</source>
        <translation>已确认。</translation>
    </message>
    <message>
        <source>Watchlist alerts on earlier records</source>
        <translation>已保存记录的布控预警</translation>
    </message>
    <message>
        <source>A newer watchlist found these records of the last 24 hours. Deal with each one, then acknowledge it.</source>
        <translation>新版布控名单在最近 24 小时的记录中发现以下命中。逐条处理后予以确认。</translation>
    </message>
    <message>
        <source>About these alerts</source>
        <translation>关于这些预警</translation>
    </message>
    <message>
        <source>Watchlist alerts</source>
        <translation>布控预警</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Who or what</source>
        <translation>人员或车辆</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Required action</source>
        <translation>要求的处置</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge the selected alert</source>
        <translation>确认所选预警</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>WatchlistApprovalDialog</name>
    <message>
        <source>Clear despite a watchlist hit</source>
        <translation>命中布控名单仍予放行</translation>
    </message>
    <message>
        <source>{summary}
is on a watchlist. Clearing needs a supervisor&apos;s code and PIN and the reason; both are saved with the record.</source>
        <translation>{summary}
在布控名单上。放行须有主管工号、PIN 码和理由，二者均随记录保存。</translation>
    </message>
    <message>
        <source>Give the reason for clearing despite the hit.</source>
        <translation>请填写命中后仍予放行的理由。</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Back up the lane database to</source>
        <translation>将通道数据库备份到</translation>
    </message>
    <message>
        <source>A supervisor backs up the lane database: the copy holds travellers&apos; personal data.</source>
        <translation>通道数据库由主管备份：副本含有旅客个人信息。</translation>
    </message>
    <message>
        <source>Backed up {records:,} records (up to #{seq}) to {path} ({size:,.1f} MB), sealed for the agency&apos;s recovery key: only IT can open it.</source>
        <translation>已备份 {records:,} 条记录（至 #{seq}）到 {path}（{size:,.1f} MB），已用本机关的恢复密钥加密：只有信息技术人员能打开。</translation>
    </message>
    <message>
        <source>Backed up {records:,} records (up to #{seq}) to {path} ({size:,.1f} MB). It is NOT encrypted: no recovery key is set on this lane, and anyone with the medium can read the travellers&apos; personal data in it. Keep the medium safe, and ask IT to set the agency&apos;s recovery key.</source>
        <translation>已备份 {records:,} 条记录（至 #{seq}）到 {path}（{size:,.1f} MB）。备份未加密：本通道尚未设置恢复公钥，任何拿到介质的人都能读取其中的旅客个人信息。请妥善保管介质，并请 IT 设置本机构的恢复公钥。</translation>
    </message>
    <message>
        <source>Back up at every shift &amp;close (to {folder})</source>
        <translation>每次交班时备份(&amp;C)（到 {folder}）</translation>
    </message>
    <message>
        <source>The backup at shift close failed: {error} Plug in the backup medium; then a supervisor uses Tools → Back up the database….</source>
        <translation>交班时的备份失败：{error} 请插入备份介质，然后由主管使用“工具 → 备份数据库…”。</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Entry</source>
        <translation>入境</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出境</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>移交二线</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Passenger lane</source>
        <translation>旅客通道</translation>
    </message>
    <message>
        <source>Vehicle lane</source>
        <translation>车辆通道</translation>
    </message>
    <message>
        <source>Freight lane</source>
        <translation>货运通道</translation>
    </message>
    <message>
        <source>Green channel lane</source>
        <translation>绿色通道</translation>
    </message>
    <message>
        <source>Tourism</source>
        <translation>旅游</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>商务</translation>
    </message>
    <message>
        <source>Border trade</source>
        <translation>边民互市</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Transport (on duty)</source>
        <translation>交通运输（执勤）</translation>
    </message>
    <message>
        <source>Family visit</source>
        <translation>探亲访友</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>学习</translation>
    </message>
    <message>
        <source>Transit</source>
        <translation>过境</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>公务</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>旅客</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驾驶员</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>随车人员</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <source>A — no valid travel document</source>
        <translation>A — 无有效旅行证件</translation>
    </message>
    <message>
        <source>B — false or falsified travel document</source>
        <translation>B — 伪造或变造的旅行证件</translation>
    </message>
    <message>
        <source>C — no valid visa or residence permit</source>
        <translation>C — 无有效签证或居留许可</translation>
    </message>
    <message>
        <source>D — false or falsified visa or permit</source>
        <translation>D — 伪造或变造的签证或许可</translation>
    </message>
    <message>
        <source>E — purpose and conditions of stay not justified</source>
        <translation>E — 无法证明入境事由和停留条件</translation>
    </message>
    <message>
        <source>F — permitted stay already used up</source>
        <translation>F — 允许停留期限已用完</translation>
    </message>
    <message>
        <source>G — no sufficient means of subsistence</source>
        <translation>G — 无足够生活费用</translation>
    </message>
    <message>
        <source>H — alert issued to refuse entry</source>
        <translation>H — 已发布拒绝入境警报</translation>
    </message>
    <message>
        <source>I — threat to public order or security</source>
        <translation>I — 危害公共秩序或安全</translation>
    </message>
    <message>
        <source>V1 — vehicle documents missing or invalid</source>
        <translation>V1 — 车辆证件缺失或无效</translation>
    </message>
    <message>
        <source>V2 — cargo not as declared</source>
        <translation>V2 — 货物与申报不符</translation>
    </message>
    <message>
        <source>V3 — customs seal broken or missing</source>
        <translation>V3 — 海关封志破损或缺失</translation>
    </message>
    <message>
        <source>V4 — prohibited or restricted goods</source>
        <translation>V4 — 禁止或限制进出境物品</translation>
    </message>
    <message>
        <source>V5 — quarantine or sanitary reasons</source>
        <translation>V5 — 检疫或卫生原因</translation>
    </message>
    <message>
        <source>V6 — alert on the vehicle</source>
        <translation>V6 — 车辆被布控</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>小汽车</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>厢式车</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>客车</translation>
    </message>
    <message>
        <source>Truck</source>
        <translation>货车</translation>
    </message>
    <message>
        <source>Tractor-trailer</source>
        <translation>半挂牵引车</translation>
    </message>
    <message>
        <source>Car carrier</source>
        <translation>商品车运输车</translation>
    </message>
    <message>
        <source>Livestock cage car</source>
        <translation>畜禽运输车</translation>
    </message>
    <message>
        <source>Tanker</source>
        <translation>罐车</translation>
    </message>
    <message>
        <source>Motorcycle</source>
        <translation>摩托车</translation>
    </message>
    <message>
        <source>Other vehicle</source>
        <translation>其他车辆</translation>
    </message>
    <message>
        <source>No cargo</source>
        <translation>无货物</translation>
    </message>
    <message>
        <source>General cargo</source>
        <translation>普通货物</translation>
    </message>
    <message>
        <source>Fresh agricultural goods (green channel)</source>
        <translation>鲜活农产品（绿色通道）</translation>
    </message>
    <message>
        <source>Mineral ores</source>
        <translation>矿产品</translation>
    </message>
    <message>
        <source>Complete vehicles for export</source>
        <translation>出口商品车</translation>
    </message>
    <message>
        <source>Livestock</source>
        <translation>活畜</translation>
    </message>
    <message>
        <source>Dangerous goods</source>
        <translation>危险货物</translation>
    </message>
    <message>
        <source>Personal effects</source>
        <translation>个人物品</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>An internal error stopped this action: {error}. The form was kept; please tell IT.</source>
        <translation>内部错误导致操作中止：{error}。表单内容已保留；请通知信息技术人员。</translation>
    </message>
    <message>
        <source>{path} exists already; a backup never replaces a file.</source>
        <translation>{path} 已存在；备份从不覆盖文件。</translation>
    </message>
    <message>
        <source>{problem} Nothing was backed up; `db backup` without --with-key backs up the database alone.</source>
        <translation>{problem}未做任何备份；不带 --with-key 的 `db backup` 只备份数据库。</translation>
    </message>
    <message>
        <source>A backup file&apos;s name ends in .db, not {suffix}: give a new file such as {example}, or a folder that exists.</source>
        <translation>备份文件名应以 .db 结尾，而不是 {suffix}：请给出一个新文件（如 {example}），或一个已存在的文件夹。</translation>
    </message>
    <message>
        <source>container code has {length} characters, expected {expected} (3-letter owner code, category U, J or Z, 6-digit serial, check digit)</source>
        <translation>集装箱号为 {length} 个字符，应为 {expected} 个（3 个字母的箱主代码、类别 U/J/Z、6 位序号、校验位）</translation>
    </message>
    <message>
        <source>seal number has {length} characters, expected 4 to 20</source>
        <translation>封志号为 {length} 个字符，应为 4 至 20 个</translation>
    </message>
    <message>
        <source>{character} cannot appear in a seal number</source>
        <translation>封志号中不能出现 {character}</translation>
    </message>
    <message>
        <source>position {position}: {character} — the owner code is 3 letters</source>
        <translation>第 {position} 位：{character} — 箱主代码为 3 个字母</translation>
    </message>
    <message>
        <source>check digit is {found}, expected {expected}</source>
        <translation>校验位为 {found}，应为 {expected}</translation>
    </message>
    <message>
        <source>position 4: {character} — the equipment category is U, J or Z</source>
        <translation>第 4 位：{character} — 设备类别为 U、J 或 Z</translation>
    </message>
    <message>
        <source>position {position}: {character} — positions 5 to 11 are digits</source>
        <translation>第 {position} 位：{character} — 第 5 至 11 位为数字</translation>
    </message>
    <message>
        <source>declaration number has {length} characters besides spaces and hyphens, expected 18 digits</source>
        <translation>报关单号除空格和连字符外为 {length} 个字符，应为 18 位数字</translation>
    </message>
    <message>
        <source>declaration number must be digits only</source>
        <translation>报关单号只能由数字组成</translation>
    </message>
    <message>
        <source>customs office code 0000 does not exist</source>
        <translation>海关关区代码 0000 不存在</translation>
    </message>
    <message>
        <source>year {year} is outside {first}–{last}</source>
        <translation>年份 {year} 不在 {first}–{last} 范围内</translation>
    </message>
    <message>
        <source>position 9 is {flag}; the flag is 1 for import or 0 for export</source>
        <translation>第 9 位为 {flag}；进口标志为 1，出口标志为 0</translation>
    </message>
    <message>
        <source>serial number 000000000 is never issued</source>
        <translation>序号 000000000 从不签发</translation>
    </message>
    <message>
        <source>HS code must be digits (dots are allowed between groups)</source>
        <translation>商品编码必须为数字（各组之间可用点号分隔）</translation>
    </message>
    <message>
        <source>HS code has {length} digits, expected 6, 8 or 10</source>
        <translation>商品编码为 {length} 位，应为 6、8 或 10 位</translation>
    </message>
    <message>
        <source>HS chapter {chapter} does not exist</source>
        <translation>商品编码第 {chapter} 章不存在</translation>
    </message>
    <message>
        <source>VIN {value}: {errors}</source>
        <translation>车辆识别代号 {value}：{errors}</translation>
    </message>
    <message>
        <source>container {value}: {errors}</source>
        <translation>集装箱 {value}：{errors}</translation>
    </message>
    <message>
        <source>seal {value}: {errors}</source>
        <translation>封志 {value}：{errors}</translation>
    </message>
    <message>
        <source>HS code {value}: {errors}</source>
        <translation>商品编码 {value}：{errors}</translation>
    </message>
    <message>
        <source>declaration {value}: {errors}</source>
        <translation>报关单 {value}：{errors}</translation>
    </message>
    <message>
        <source>a refusal needs a coded ground</source>
        <translation>拒绝须选择编码的拒绝理由</translation>
    </message>
    <message>
        <source>a refusal ground is only given with a refusal</source>
        <translation>只有拒绝时才填写拒绝理由</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>personal number</source>
        <translation>个人号码</translation>
    </message>
    <message>
        <source>composite</source>
        <translation>综合</translation>
    </message>
    <message>
        <source>issuing state</source>
        <translation>签发国</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>an MRZ has 3 lines of 30 (TD1), 2 lines of 36 (TD2, MRV-B) or 2 lines of 44 characters (TD3, MRV-A)</source>
        <translation>机读区为 3 行各 30 个字符（TD1）、2 行各 36 个字符（TD2、MRV-B）或 2 行各 44 个字符（TD3、MRV-A）</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1 月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2 月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3 月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4 月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5 月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6 月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7 月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8 月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9 月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10 月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11 月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12 月</translation>
    </message>
    <message>
        <source>found {count} lines of {lengths} and {last} characters; {shapes}</source>
        <translation>读到 {count} 行，分别为 {lengths} 和 {last} 个字符；{shapes}</translation>
    </message>
    <message>
        <source>{label} {raw!r} is not a date in YYMMDD form</source>
        <translation>{label} {raw!r} 不是 YYMMDD 格式的日期</translation>
    </message>
    <message>
        <source>no MRZ text</source>
        <translation>没有机读区文字</translation>
    </message>
    <message>
        <source>found 1 line of {length} characters; {shapes}</source>
        <translation>读到 1 行，{length} 个字符；{shapes}</translation>
    </message>
    <message>
        <source>{label} check digit is {shown}, expected {expected}</source>
        <translation>{label}校验位为 {shown}，应为 {expected}</translation>
    </message>
    <message>
        <source>document number is empty</source>
        <translation>证件号码为空</translation>
    </message>
    <message>
        <source>document code {code!r} must start with a letter</source>
        <translation>证件类型代码 {code!r} 必须以字母开头</translation>
    </message>
    <message>
        <source>{label} check digit cannot be verified: the field holds non-MRZ characters</source>
        <translation>{label}校验位无法核验：该字段含有非机读区字符</translation>
    </message>
    <message>
        <source>{label} {raw!r} is not a country code (letters, then `&lt;` fillers)</source>
        <translation>{label} {raw!r} 不是国家代码（应为字母，其后以 `&lt;` 填充）</translation>
    </message>
    <message>
        <source>name {name!r} holds digits; names are letters only</source>
        <translation>姓名 {name!r} 含有数字；姓名只能由字母组成</translation>
    </message>
    <message>
        <source>{label} {raw} is not a real date: there is no month {month:02d}</source>
        <translation>{label} {raw} 不是真实日期：没有 {month:02d} 月</translation>
    </message>
    <message>
        <source>{label} {raw} is not a real date: {month_name} {year} has no day {day}</source>
        <translation>{label} {raw} 不是真实日期：{year} 年 {month_name}没有 {day} 日</translation>
    </message>
    <message>
        <source>MRZ must be text, not {type}</source>
        <translation>机读区必须是文字，而不是 {type}</translation>
    </message>
    <message>
        <source>input is {length:,} characters long; an MRZ has at most 90 characters</source>
        <translation>输入长 {length:,} 个字符；机读区最多 90 个字符</translation>
    </message>
    <message>
        <source>line {line}, position {position}: {character} is not an MRZ character</source>
        <translation>第 {line} 行第 {position} 位：{character} 不是机读区字符</translation>
    </message>
    <message>
        <source>sex is {sex!r}, expected M, F, X or &lt;</source>
        <translation>性别为 {sex!r}，应为 M、F、X 或 &lt;</translation>
    </message>
    <message>
        <source>birth date is only partly known ({raw})</source>
        <translation>出生日期仅部分已知（{raw}）</translation>
    </message>
    <message>
        <source>… further characters that are not MRZ characters omitted</source>
        <translation>… 其余非机读区字符从略</translation>
    </message>
    <message>
        <source>This PIN repeats one digit or a group of digits (like 1111 or 1212), which is among the first guesses; choose another.</source>
        <translation>此 PIN 码重复同一个数字或同一组数字（如 1111 或 1212），极易被猜中；请另选一个。</translation>
    </message>
    <message>
        <source>This PIN has its digits in a row (like 1234 or 4321), which is among the first guesses; choose another.</source>
        <translation>此 PIN 码的数字是连续的（如 1234 或 4321），极易被猜中；请另选一个。</translation>
    </message>
    <message>
        <source>This PIN is one of the most common PINs and among the first guesses; choose another.</source>
        <translation>此 PIN 码是最常用的 PIN 码之一，极易被猜中；请另选一个。</translation>
    </message>
    <message>
        <source>This PIN is made of the digits of the account code {code}, which is among the first guesses; choose another.</source>
        <translation>此 PIN 码由账户代码 {code} 中的数字组成，极易被猜中；请另选一个。</translation>
    </message>
    <message>
        <source>The plate has characters that are not allowed: {characters}. A plate holds letters, digits, and spaces, hyphens, dots or slashes between them.</source>
        <translation>车牌含有不允许的字符：{characters}。车牌只能由字母、数字组成，其间可用空格、连字符、圆点或斜杠分隔。</translation>
    </message>
    <message>
        <source>The plate holds no letter or digit.</source>
        <translation>车牌中没有字母或数字。</translation>
    </message>
    <message>
        <source>VIN has {length} characters, expected {expected}</source>
        <translation>车辆识别代号为 {length} 个字符，应为 {expected} 个</translation>
    </message>
    <message>
        <source>position {position}: {char!r} is never used in a VIN (I, O, Q are excluded)</source>
        <translation>第 {position} 位：车辆识别代号从不使用 {char!r}（不含 I、O、Q）</translation>
    </message>
    <message>
        <source>position {position}: {character} is not a VIN character</source>
        <translation>第 {position} 位：{character} 不是车辆识别代号字符</translation>
    </message>
    <message>
        <source>check digit (position 9) is {found!r}, expected {expected!r}</source>
        <translation>校验位（第 9 位）为 {found!r}，应为 {expected!r}</translation>
    </message>
    <message>
        <source>There is no folder {folder} to write {name} in; create it or choose another.</source>
        <translation>没有可写入 {name} 的文件夹 {folder}；请先创建它，或另选一个。</translation>
    </message>
    <message>
        <source>The backup {path} is of workstation {restored}, but the key {key} here belongs to workstation {here}: the restored database could not sync with it. Nothing was changed. Restore the backup with its own key (made by `db backup --with-key`), into another --data-dir, or move {key} aside first.</source>
        <translation>备份 {path} 属于工作站 {restored}，但此处的密钥 {key} 属于工作站 {here}：恢复后的数据库无法用它同步。未做任何更改。请连同其自身密钥恢复该备份（由 `db backup --with-key` 生成），或恢复到另一个 --data-dir，或先将 {key} 移开。</translation>
    </message>
    <message>
        <source>a workstation key; sealed as {name}</source>
        <translation>工作站密钥；已加密封存为 {name}</translation>
    </message>
    <message>
        <source>This workstation is enrolled, but its key {path} is missing. A new key would sign slips and reports that the gates and the central do not trust, so none was made: put the key back (a backup made with `db backup --with-key` holds it), or ask IT.</source>
        <translation>本工作站已注册，但其密钥 {path} 不见了。新密钥签发的放行条和报告不会被卡口和中心信任，因此没有生成新密钥：请放回原密钥（用 `db backup --with-key` 做的备份里有），或联系 IT。</translation>
    </message>
    <message>
        <source>{path} is one of this workstation&apos;s own files (its database, key or reference data); write the document to another name or folder.</source>
        <translation>{path} 是本工作站自身的文件（数据库、密钥或参考数据）；请将文档写入其他文件名或文件夹。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name to write the document to.</source>
        <translation>{path} 是文件夹；请给出要写入文档的文件名。</translation>
    </message>
    <message>
        <source>{path} is not a regular file; give a file name to write to.</source>
        <translation>{path} 不是普通文件；请给出要写入的文件名。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist; create it or choose another.</source>
        <translation>文件夹 {folder} 不存在；请创建它或另选一个。</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder; choose another place.</source>
        <translation>{folder} 是文件而不是文件夹；请另选位置。</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: {error}.</source>
        <translation>无法写入 {folder}：{error}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}.</source>
        <translation>无法写入 {path}：{error}。</translation>
    </message>
    <message>
        <source>A Chinese report needs a font with Chinese characters, and none was found. Install one (`{hint}`) or set {variable} to a .ttf/.otf/.ttc file.</source>
        <translation>中文报表需要含有汉字的字体，但没有找到。请安装一种（`{hint}`），或将 {variable} 设为一个 .ttf/.otf/.ttc 文件。</translation>
    </message>
    <message>
        <source>signed by workstation {workstation} of port {signer}, which issues no slips for this port</source>
        <translation>由口岸 {signer} 的工作站 {workstation} 签发，该工作站不签发本口岸的放行单</translation>
    </message>
    <message>
        <source>signed by workstation {workstation} of a lane of kind {kind}, which issues no slips</source>
        <translation>由类型为 {kind} 的通道的工作站 {workstation} 签发，该通道不签发放行单</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} 天</translation>
    </message>
    <message>
        <source>signed by workstation key {key}, which has been revoked</source>
        <translation>由工作站密钥 {key} 签名，该密钥已被吊销</translation>
    </message>
    <message>
        <source>already used {when} by {officer}</source>
        <translation>已于 {when} 由 {officer} 核验使用</translation>
    </message>
    <message>
        <source>already used {when}</source>
        <translation>已于 {when} 使用</translation>
    </message>
    <message>
        <source>signed by workstation {workstation} of a passenger lane, which issues no slips</source>
        <translation>由旅客通道的工作站 {workstation} 签发，旅客通道不签发放行单</translation>
    </message>
    <message>
        <source>its record was voided here after the slip was issued</source>
        <translation>放行单签发后，其记录已在本工作站作废</translation>
    </message>
    <message>
        <source>its record was amended here to {decision} after the slip was issued</source>
        <translation>放行单签发后，其记录已在本工作站更正为 {decision}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <source>The use of slip {slip}</source>
        <translation>放行单 {slip} 的使用记录</translation>
    </message>
    <message>
        <source>the text arrived in lower case; check the scanner&apos;s keyboard layout and Caps Lock</source>
        <translation>收到的文字为小写；请检查扫描枪的键盘布局和大写锁定键</translation>
    </message>
    <message>
        <source>gate pass</source>
        <translation>放行单</translation>
    </message>
    <message>
        <source>shift report</source>
        <translation>班次报表</translation>
    </message>
    <message>
        <source>signed by key {key} which is not a known workstation key</source>
        <translation>由密钥 {key} 签名，它不是已知的工作站密钥</translation>
    </message>
    <message>
        <source>signature does not match the content</source>
        <translation>签名与内容不符</translation>
    </message>
    <message>
        <source>signed envelope</source>
        <translation>签名封装</translation>
    </message>
    <message>
        <source>issued {when}, which is still in the future; check the clocks</source>
        <translation>签发时间为 {when}，尚在未来；请检查时钟</translation>
    </message>
    <message>
        <source>issued for {issued_for}, not for {expected}</source>
        <translation>签发给{issued_for}，而不是 {expected}</translation>
    </message>
    <message>
        <source>{plate} (record #{seq}) was not cleared; release slips are issued for cleared vehicles only (a referred one once a supervisor has amended it to cleared).</source>
        <translation>{plate}（记录 #{seq}）未获放行；放行单只签发给已放行的车辆（移交二线的车辆须经主管更正为放行后才能签发）。</translation>
    </message>
    <message>
        <source>This workstation is at a passenger lane: gates take release slips only from vehicle, freight and green-channel lanes. Clear the vehicle at one of those; its slip is printed there.</source>
        <translation>本工作站位于旅客通道：卡口只接受车辆、货运和绿色通道签发的放行单。请在这些通道为车辆办理放行，并在那里打印放行单。</translation>
    </message>
    <message>
        <source>{path} is not a file: give the recovery key (age1…) or the file that holds it.</source>
        <translation>{path} 不是文件：请给出恢复公钥（age1…）或存放它的文件。</translation>
    </message>
    <message>
        <source>{path} is far larger than a file holding a recovery key: give the key (age1…) or the file that holds it, such as the .pub beside the identity.</source>
        <translation>{path} 远大于存放恢复公钥的文件：请给出公钥（age1…）或存放它的文件，例如私钥旁边的 .pub 文件。</translation>
    </message>
    <message>
        <source>{path} is not a text file, so it holds no recovery key: give the key (age1…) or the text file that holds it, such as the .pub beside the identity.</source>
        <translation>{path} 不是文本文件，其中没有恢复公钥：请给出公钥（age1…）或存放它的文本文件，例如私钥旁边的 .pub 文件。</translation>
    </message>
    <message>
        <source>{path} holds no recovery key (a line starting age1…): give the key or the file that holds it, such as the .pub beside the identity.</source>
        <translation>{path} 中没有恢复公钥（以 age1… 开头的一行）：请给出公钥或存放它的文件，例如私钥旁边的 .pub 文件。</translation>
    </message>
    <message>
        <source>There is no file {path}, and it is not a recovery key (one starts age1…): give the key or the file that holds it.</source>
        <translation>没有文件 {path}，它也不是恢复公钥（公钥以 age1… 开头）：请给出公钥或存放它的文件。</translation>
    </message>
    <message>
        <source>{count} record(s) not accepted by the central — see Sync problems</source>
        <translation>{count} 条记录未被中心接受——见“同步问题”</translation>
    </message>
    <message>
        <source>the central does not accept this workstation&apos;s signature (is its key the one it enrolled with? a database put back without its key needs it back too); records are kept — ask IT</source>
        <translation>中心不接受本工作站的签名（密钥是否仍是注册时的那一个？放回数据库却没有放回密钥时，也须放回密钥）；记录已保留——请联系 IT</translation>
    </message>
    <message>
        <source>The re-check of the last day&apos;s clearances against the newest watchlist could not be made: {problem} It is tried again after each sync and at the next start; tell IT if this stays.</source>
        <translation>未能用最新的布控名单复查最近一天的通关记录：{problem}每次同步后和下次启动时会再试；如果一直如此，请通知 IT。</translation>
    </message>
    <message>
        <source>the vehicle was recorded as {decision}</source>
        <translation>车辆的记录结论为 {decision}</translation>
    </message>
    <message>
        <source>valid {kind}</source>
        <translation>有效的{kind}</translation>
    </message>
    <message>
        <source>the text is too long to be a sealed document</source>
        <translation>文字过长，不可能是签名单据</translation>
    </message>
    <message>
        <source>this is not a sealed gate pass or shift report</source>
        <translation>这不是签名的放行单或班次报表</translation>
    </message>
    <message>
        <source>the signed content is unreadable</source>
        <translation>签名内容无法读取</translation>
    </message>
    <message>
        <source>the content is far too large for a sealed document</source>
        <translation>内容远超签名单据应有的大小</translation>
    </message>
    <message>
        <source>the code is damaged or incomplete; scan it again</source>
        <translation>二维码已损坏或不完整；请重新扫描</translation>
    </message>
    <message>
        <source>the {what} has trailing bytes</source>
        <translation>{what}末尾有多余字节</translation>
    </message>
    <message>
        <source>the content is not a COSE_Sign1 signed document</source>
        <translation>内容不是 COSE_Sign1 签名单据</translation>
    </message>
    <message>
        <source>the signed envelope does not have four parts</source>
        <translation>签名封装不是四个部分</translation>
    </message>
    <message>
        <source>the signed envelope has parts of the wrong type</source>
        <translation>签名封装中有类型错误的部分</translation>
    </message>
    <message>
        <source>the signed envelope has unexpected unprotected headers</source>
        <translation>签名封装含有意外的未受保护头部</translation>
    </message>
    <message>
        <source>protected header</source>
        <translation>受保护头部</translation>
    </message>
    <message>
        <source>the protected header is not a COSE header map</source>
        <translation>受保护头部不是 COSE 头部映射</translation>
    </message>
    <message>
        <source>unsupported algorithm (only EdDSA with Ed25519 is accepted)</source>
        <translation>不支持的算法（只接受 Ed25519 的 EdDSA）</translation>
    </message>
    <message>
        <source>the protected header has unsupported entries</source>
        <translation>受保护头部含有不支持的条目</translation>
    </message>
    <message>
        <source>the document does not name the key it was signed with</source>
        <translation>单据未注明签名所用的密钥</translation>
    </message>
    <message>
        <source>expired {when}</source>
        <translation>已于 {when} 过期</translation>
    </message>
    <message>
        <source>no port</source>
        <translation>未指定口岸</translation>
    </message>
    <message>
        <source>port {port}</source>
        <translation>口岸 {port}</translation>
    </message>
    <message>
        <source>at {seconds} (unix time)</source>
        <translation>{seconds}（Unix 时间）</translation>
    </message>
    <message>
        <source>this is a signed {real}, relabelled as a {claimed}</source>
        <translation>这是签名的{real}，被改标为{claimed}</translation>
    </message>
    <message>
        <source>the code is damaged; its content cannot be unpacked</source>
        <translation>二维码已损坏；内容无法解包</translation>
    </message>
    <message>
        <source>the {what} is not valid CBOR</source>
        <translation>{what}不是有效的 CBOR</translation>
    </message>
    <message>
        <source>There is no shift {shift} at this workstation (`inspection-client shift list`).</source>
        <translation>本工作站没有班次 {shift}（`inspection-client shift list`）。</translation>
    </message>
    <message>
        <source>A record of the report</source>
        <translation>报表中的一条记录</translation>
    </message>
    <message>
        <source>There are no shifts at this workstation yet.</source>
        <translation>本工作站还没有班次。</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start}).</source>
        <translation>时段的结束时间（{end}）早于开始时间（{start}）。</translation>
    </message>
    <message>
        <source>A saved record</source>
        <translation>一条已保存的记录</translation>
    </message>
    <message>
        <source>shift opening</source>
        <translation>接班</translation>
    </message>
    <message>
        <source>shift closing</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>amendment</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>There is no record {record} at this workstation.</source>
        <translation>本工作站没有记录 {record}。</translation>
    </message>
    <message>
        <source>{text} matches several records; give more of the id.</source>
        <translation>{text} 与多条记录相符；请多给出几位编号。</translation>
    </message>
    <message>
        <source>A release slip is valid for up to {days} days ({hours} hours).</source>
        <translation>放行单的有效期最长 {days} 天（{hours} 小时）。</translation>
    </message>
    <message>
        <source>Record {record} is a {kind} record, not a vehicle clearance; release slips are issued for vehicles only.</source>
        <translation>记录 {record} 是{kind}记录，不是车辆查验记录；放行单只签发给车辆。</translation>
    </message>
    <message>
        <source>Record {record} was voided on {when} (approved by {supervisor}); no slip can be issued.</source>
        <translation>记录 {record} 已于 {when} 作废（批准人 {supervisor}）；不能签发放行单。</translation>
    </message>
    <message>
        <source>Record {record} is a passenger clearance; release slips are issued for vehicles only (issue it for the vehicle the traveller rode in).</source>
        <translation>记录 {record} 是旅客查验记录；放行单只签发给车辆（请为该旅客所乘车辆签发）。</translation>
    </message>
    <message>
        <source>Record {record} lists more containers and seals than a release slip&apos;s QR code can hold; no slip can be issued.</source>
        <translation>记录 {record} 所列集装箱和封志超出放行单二维码的容量，无法签发放行单。</translation>
    </message>
    <message>
        <source>record {seq}&apos;s columns do not match its content.</source>
        <translation>记录 {seq} 的索引列与其内容不一致。</translation>
    </message>
    <message>
        <source>audit entries exist past the last record ({last}).</source>
        <translation>审计链条目超出了最后一条记录（{last}）。</translation>
    </message>
    <message>
        <source>record {seq} is not a readable record.</source>
        <translation>记录 {seq} 无法读取。</translation>
    </message>
    <message>
        <source>entry {entry} is missing.</source>
        <translation>条目 {entry} 缺失。</translation>
    </message>
    <message>
        <source>record {seq} is missing (next is {next}).</source>
        <translation>记录 {seq} 缺失（下一条为 {next}）。</translation>
    </message>
    <message>
        <source>record {seq} has no audit entry.</source>
        <translation>记录 {seq} 没有审计链条目。</translation>
    </message>
    <message>
        <source>There is no folder {folder} to write to.</source>
        <translation>没有可写入的文件夹 {folder}。</translation>
    </message>
    <message>
        <source>The sealed copy written to {path} does not read back as written; nothing was kept. Try another medium.</source>
        <translation>写入 {path} 的加密副本读回时与写入的不一致；未保留任何文件。请换一个存储介质。</translation>
    </message>
    <message>
        <source>The copy written to {path} does not read back intact ({problems}); nothing was kept. Try another medium.</source>
        <translation>写入 {path} 的副本读回时不完整（{problems}）；未保留任何文件。请换用其他存储介质。</translation>
    </message>
    <message>
        <source>The copy&apos;s audit chain at record {seq} differs from the lane database&apos;s; nothing was kept. Run `inspection-client audit verify`.</source>
        <translation>副本在第 {seq} 条记录处的审计链与通道数据库不一致；未保留任何文件。请运行 `inspection-client audit verify`。</translation>
    </message>
    <message>
        <source>{path} is a folder; give the backup file itself (lane-….db or lane-….db.age).</source>
        <translation>{path} 是文件夹；请给出备份文件本身（lane-….db 或 lane-….db.age）。</translation>
    </message>
    <message>
        <source>There is no backup file {path}.</source>
        <translation>没有备份文件 {path}。</translation>
    </message>
    <message>
        <source>{path} is there already. Add --replace to move it aside (it is renamed, not deleted) and put the backup in its place.</source>
        <translation>{path} 已存在。加上 --replace 可将其移到一旁（重命名，不删除），并以备份替代。</translation>
    </message>
    <message>
        <source>{path} is not a file: the restored database cannot be put there. Nothing was changed.</source>
        <translation>{path} 不是文件：无法把恢复的数据库放在那里。未做任何更改。</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder; give a folder to write to.</source>
        <translation>{folder} 是文件而不是文件夹；请给出要写入的文件夹。</translation>
    </message>
    <message>
        <source>Cannot write in {folder}: {error}</source>
        <translation>无法写入 {folder}：{error}</translation>
    </message>
    <message>
        <source>The history filter&apos;s search index in {path} was found damaged on {at}, and saves no longer write to it; the records are not damaged. Filter by date, decision or direction instead, and ask IT to run `inspection-client db reindex`.</source>
        <translation>{path} 中历史筛选的检索索引于 {at} 被发现损坏，此后保存不再写入该索引；记录本身完好。请改按日期、决定或方向筛选，并请 IT 运行 `inspection-client db reindex`。</translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>未知日期</translation>
    </message>
    <message>
        <source>Record {seq} (or its audit entry) is not in the local store, so it cannot be sent. Run `inspection-client audit verify` and tell IT.</source>
        <translation>记录 {seq}（或其审计条目）不在本地数据库中，无法发送。请运行 `inspection-client audit verify` 并告知信息技术部门。</translation>
    </message>
    <message>
        <source>Record {seq} is damaged in the local store (its content is not text), so it cannot be sent. Run `inspection-client audit verify` and tell IT.</source>
        <translation>记录 {seq} 在本地数据库中已损坏（内容不是文本），无法发送。请运行 `inspection-client audit verify` 并告知信息技术部门。</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>遗失</translation>
    </message>
    <message>
        <source>stolen</source>
        <translation>被盗</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>吊销</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>stolen while blank</source>
        <translation>空白时被盗</translation>
    </message>
    <message>
        <source>The active watchlist file {path} is damaged ({detail}); nothing was checked. Import the latest watchlist snapshot again (sync, or `inspection-client reference import FILE`).</source>
        <translation>当前布控名单文件 {path} 已损坏（{detail}），未进行任何比对。请重新导入最新的布控名单快照（同步，或 `inspection-client reference import 文件`）。</translation>
    </message>
    <message>
        <source>Cannot write the backup to {path}: {error}</source>
        <translation>无法将备份写入 {path}：{error}</translation>
    </message>
    <message>
        <source>This workstation has no key to back up ({path}): it is not enrolled.</source>
        <translation>本工作站没有可备份的密钥（{path}）：尚未注册。</translation>
    </message>
    <message>
        <source>Cannot read the workstation key {path}: {error}</source>
        <translation>无法读取工作站密钥 {path}：{error}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is not a readable lane database ({problems}). Nothing was changed.</source>
        <translation>{path} 不是可读取的通道数据库（{problems}）。未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot restore into {folder}: {error}</source>
        <translation>无法恢复到 {folder}：{error}</translation>
    </message>
    <message>
        <source>{path} is in use (by a running lane client?): close it first. Nothing was changed.</source>
        <translation>{path} 正在使用中（通道客户端正在运行？）：请先关闭。未做任何更改。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({error}). Nothing was changed.</source>
        <translation>无法读取 {path}（{error}）。未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {path} was written by a newer lane client: upgrade this one first. Nothing was changed.</source>
        <translation>备份 {path} 由更新版本的通道客户端写入：请先升级本客户端。未做任何更改。</translation>
    </message>
    <message>
        <source>{path} is not a backup of a lane workstation.</source>
        <translation>{path} 不是通道工作站的备份。</translation>
    </message>
    <message>
        <source>The backup {path} fails its audit check at record {seq}: {problem} Nothing was changed.</source>
        <translation>备份 {path} 在第 {seq} 条记录处未通过审计检查：{problem} 未做任何更改。</translation>
    </message>
    <message>
        <source>There is no lane database at {path}. Check --data-dir, or set up the workstation first (start the app, or run `inspection-client seed`).</source>
        <translation>{path} 处没有通道数据库。请检查 --data-dir，或先设置工作站（启动程序，或运行 `inspection-client seed`）。</translation>
    </message>
    <message>
        <source>{path} is not a file; the lane database cannot be opened there.</source>
        <translation>{path} 不是文件；无法在此打开通道数据库。</translation>
    </message>
    <message>
        <source>{path} is a database of another program, not a lane database; the lane client leaves it untouched. Check --data-dir.</source>
        <translation>{path} 是其他程序的数据库，不是通道数据库；通道客户端不会改动它。请检查 --data-dir。</translation>
    </message>
    <message>
        <source>{path} cannot be switched to write-ahead logging ({mode}).</source>
        <translation>{path} 无法切换为预写日志模式（{mode}）。</translation>
    </message>
    <message>
        <source>The database {path} is damaged (tables missing: {tables}). Do not delete it: copy the data directory somewhere safe and ask IT to recover it.</source>
        <translation>数据库 {path} 已损坏（缺少数据表：{tables}）。请勿删除：把数据目录复制到安全的地方，并请信息技术人员恢复。</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of the lane client (schema step {step}). Install that version or newer; this version leaves the file untouched.</source>
        <translation>数据库 {path} 由更新版本的通道客户端写入（结构步骤 {step}）。请安装该版本或更新版本；本版本不会改动该文件。</translation>
    </message>
    <message>
        <source>The audit chain of {path} is broken: {problem} Run `inspection-client audit verify` and tell a supervisor.</source>
        <translation>{path} 的审计链已断裂：{problem}请运行 `inspection-client audit verify` 并报告主管。</translation>
    </message>
    <message>
        <source>The workstation&apos;s settings</source>
        <translation>工作站设置</translation>
    </message>
    <message>
        <source>The workstation in {folder} is not set up yet: start the app to run first-time setup, or enrol it with the central.</source>
        <translation>{folder} 中的工作站尚未设置：请启动程序完成首次设置，或向中心注册。</translation>
    </message>
    <message>
        <source>Cannot reach {path}: {error}</source>
        <translation>无法访问 {path}：{error}</translation>
    </message>
    <message>
        <source>{folder} is not a folder (a file is in the way); give --data-dir a folder.</source>
        <translation>{folder} 不是文件夹（该位置已有同名文件）；请为 --data-dir 指定一个文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the data directory {folder}: {error}</source>
        <translation>无法创建数据目录 {folder}：{error}</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({result}). Do not delete it: copy the data directory somewhere safe and ask IT to recover it.</source>
        <translation>数据库 {path} 已损坏（{result}）。请勿删除：将数据目录复制到安全位置，并请信息技术人员恢复。</translation>
    </message>
    <message>
        <source>This workstation already has records as {current}; its id cannot become {new}. Use a new data directory.</source>
        <translation>本工作站已以 {current} 的身份保存了记录；其编号不能改为 {new}。请使用新的数据目录。</translation>
    </message>
    <message>
        <source>The SQLite library this Python uses has no full-text search (FTS5), which the lane database {path} needs for its search index. The file is left as it was. Run the lane client with a Python whose SQLite has FTS5 (Debian&apos;s and python.org&apos;s have).</source>
        <translation>此 Python 使用的 SQLite 库没有全文检索（FTS5），而车道数据库 {path} 的检索索引需要它。文件保持原样，未作改动。请用其 SQLite 带有 FTS5 的 Python 运行车道客户端（Debian 和 python.org 的 Python 均带有）。</translation>
    </message>
    <message>
        <source>The database {path} is busy: another program is writing to it. Wait a moment and try again; if it persists, close other copies of the lane client.</source>
        <translation>数据库 {path} 正忙：另一个程序正在写入。请稍候再试；如果持续出现，请关闭其他正在运行的通道客户端。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full. Free some space (or ask IT to), then try again. Nothing already saved was lost.</source>
        <translation>存放 {path} 的磁盘已满。请释放一些空间（或请信息技术人员处理）后重试。已保存的内容均未丢失。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({error}). Do not delete it: copy the whole data directory somewhere safe and ask IT to restore it or recover its records.</source>
        <translation>数据库 {path} 已损坏（{error}）。请勿删除：将整个数据目录复制到安全位置，并请信息技术人员恢复该目录或其中的记录。</translation>
    </message>
    <message>
        <source>The database {path} cannot be read or written ({error}). Check that the disk is present and the data directory is accessible.</source>
        <translation>数据库 {path} 无法读写（{error}）。请检查磁盘是否存在、数据目录是否可以访问。</translation>
    </message>
    <message>
        <source>{what} cannot be read from the lane database: it was changed on disk or damaged ({detail}). The file is left as it is: run `inspection-client audit verify`, and ask IT to restore the data directory from a backup.</source>
        <translation>无法从通道数据库读取{what}：它在磁盘上被改动或已损坏（{detail}）。文件保持原样：请运行 `inspection-client audit verify`，并请信息技术人员从备份恢复数据目录。</translation>
    </message>
    <message>
        <source>Record {seq}</source>
        <translation>记录 {seq}</translation>
    </message>
    <message>
        <source>An amendment of record {record}</source>
        <translation>记录 {record} 的一条更正</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>PIN 码为 4 至 12 位数字。</translation>
    </message>
    <message>
        <source>The account {code}</source>
        <translation>账户 {code}</translation>
    </message>
    <message>
        <source>The lock of account {code}</source>
        <translation>账户 {code} 的锁定状态</translation>
    </message>
    <message>
        <source>Wrong supervisor code or PIN ({count} attempt(s) left).</source>
        <translation>主管代码或 PIN 码错误（还剩 {count} 次机会）。</translation>
    </message>
    <message>
        <source>{officer} is not a supervisor.</source>
        <translation>{officer} 不是主管。</translation>
    </message>
    <message>
        <source>{officer} is locked after too many wrong PINs; try again after {time}.</source>
        <translation>{officer} 因 PIN 码错误次数过多已被锁定；请在 {time} 之后再试。</translation>
    </message>
    <message>
        <source>passenger</source>
        <translation>旅客</translation>
    </message>
    <message>
        <source>vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Record {record} is not a clearance of this workstation.</source>
        <translation>记录 {record} 不是本工作站的查验记录。</translation>
    </message>
    <message>
        <source>An amendment of a {kind} clearance must be a {kind} clearance.</source>
        <translation>{kind}查验记录的更正必须仍是{kind}查验记录。</translation>
    </message>
    <message>
        <source>Record {record} has been voided; it cannot be changed any more.</source>
        <translation>记录 {record} 已作废，不能再更改。</translation>
    </message>
    <message>
        <source>{officer} is not a supervisor of this workstation.</source>
        <translation>{officer} 不是本工作站的主管。</translation>
    </message>
    <message>
        <source>A record of {workstation} cannot be saved here.</source>
        <translation>{workstation} 的记录不能保存在这里。</translation>
    </message>
    <message>
        <source>A record with the same id is already saved ({error}).</source>
        <translation>已保存过相同编号的记录（{error}）。</translation>
    </message>
    <message>
        <source>sealed as {name}</source>
        <translation>已加密封存为 {name}</translation>
    </message>
    <message>
        <source>sealed again for the current key</source>
        <translation>已按当前恢复密钥重新加密封存</translation>
    </message>
    <message>
        <source>a lane&apos;s working database, not a backup; left as it was</source>
        <translation>是通道正在使用的数据库，不是备份；保持原样</translation>
    </message>
    <message>
        <source>not a readable lane database ({problem}); left as it was</source>
        <translation>不是可读的通道数据库（{problem}）；保持原样</translation>
    </message>
    <message>
        <source>sealed as {name}, its key as {key}</source>
        <translation>已加密封存为 {name}，其密钥封存为 {key}</translation>
    </message>
    <message>
        <source>{path} exists already.</source>
        <translation>{path} 已存在。</translation>
    </message>
    <message>
        <source>{path} exists already; left as it was</source>
        <translation>{path} 已存在；保持原样</translation>
    </message>
    <message>
        <source>opens, but is not a readable lane database ({problem}); left as it was</source>
        <translation>可以打开，但不是可读的通道数据库（{problem}）；保持原样</translation>
    </message>
    <message>
        <source>{path} does not read back as written; left as it was.</source>
        <translation>{path} 读回的内容与写入的不一致；保持原样。</translation>
    </message>
    <message>
        <source>There is no file or folder {path}.</source>
        <translation>没有文件或文件夹 {path}。</translation>
    </message>
    <message>
        <source>not sealed for the old identity given (sealed for the current key already?); left as it was</source>
        <translation>不是按所给的旧恢复身份封存的（也许已按当前密钥封存？）；保持原样</translation>
    </message>
    <message>
        <source>left as it was: {reason}</source>
        <translation>保持原样：{reason}</translation>
    </message>
    <message>
        <source>sealed already; give the old recovery identity (--identity) to seal it for the current key</source>
        <translation>已加密封存；如需按当前密钥重新封存，请提供旧的恢复身份（--identity）</translation>
    </message>
    <message>
        <source>This lane database was restored from a backup on {since} and holds new records until a sync with the central brings back the records saved after that backup: saved now, they would take numbers the central already holds. Sync first. If the central cannot be reached, a supervisor can lift the hold; the central will then flag the records numbered twice for IT. Nothing was saved.</source>
        <translation>本通道数据库已于 {since} 从备份恢复，新记录暂停保存，直到与中心同步取回该备份之后保存的记录：现在保存，它们会占用中心已有记录的编号。请先同步。如果连不上中心，主管可以解除暂停；中心随后会标记编号重复的记录，交由信息技术人员处理。未保存任何内容。</translation>
    </message>
    <message>
        <source>Expected one recovery key (a line starting age1…), found {count}.</source>
        <translation>应有一个恢复密钥（以 age1… 开头的一行），实际找到 {count} 个。</translation>
    </message>
    <message>
        <source>A recovery key&apos;s passphrase needs at least {count} characters.</source>
        <translation>恢复密钥的口令至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>{key} is not a valid recovery key ({error}).</source>
        <translation>{key} 不是有效的恢复密钥（{error}）。</translation>
    </message>
    <message>
        <source>{path} holds a private identity, not its public key: give the age1… line, and keep the identity away from the lanes.</source>
        <translation>{path} 存放的是私有身份，不是其公钥：请提供以 age1… 开头的那一行，并让私有身份远离各通道。</translation>
    </message>
    <message>
        <source>{path} holds a damaged recovery key.</source>
        <translation>{path} 中的恢复密钥已损坏。</translation>
    </message>
    <message>
        <source>{path} cannot be opened with this recovery key: it was sealed for another one, or it is damaged ({error}). Nothing was changed.</source>
        <translation>无法用此恢复密钥打开 {path}：它是为另一个密钥加密的，或已损坏（{error}）。未做任何更改。</translation>
    </message>
    <message>
        <source>only a minor&apos;s clearance names an accompanying adult</source>
        <translation>只有未成年人的通关记录才能指定陪同成人</translation>
    </message>
    <message>
        <source>Checked against the central&apos;s list of withdrawn slips as of {as_of} ({age} old).</source>
        <translation>已与中心的撤销放行单清单核对（清单截至 {as_of}，已有 {age}）。</translation>
    </message>
    <message>
        <source>This gate has no list of withdrawn slips from the central yet: a slip whose record was voided or amended elsewhere since it was printed cannot be caught here.</source>
        <translation>本出口尚未收到中心的撤销放行单清单：放行单打印后其记录在别处被作废或更正的，在此无法发现。</translation>
    </message>
    <message>
        <source>Checked against the central&apos;s list of withdrawn slips as of {as_of} ({age} old); that list is whole only from {since}, after this slip was issued.</source>
        <translation>已与中心的撤销放行单清单核对（清单截至 {as_of}，已有 {age}）；该清单只完整覆盖 {since} 以后，而本放行单签发于此之前。</translation>
    </message>
    <message>
        <source>the content of record {seq} ({record}) does not match the stored hash of audit entry {seq}: the record or the stored hash was edited (it is the newest entry, so no later entry tells which).</source>
        <translation>记录 {seq}（{record}）的内容与审计条目 {seq} 中保存的哈希值不符：记录或所存哈希值被修改过（这是最新的条目，没有后续条目可以判断是哪一个）。</translation>
    </message>
    <message>
        <source>the stored hash of audit entry {seq} was edited: it does not match the content of record {seq} ({record}), which still matches the prev-hash kept by entry {next}.</source>
        <translation>审计条目 {seq} 中保存的哈希值被修改过：它与记录 {seq}（{record}）的内容不符，而该内容仍与条目 {next} 保存的前一哈希值相符。</translation>
    </message>
    <message>
        <source>record {seq} ({record}) was edited after it was saved: its content no longer matches the hash in audit entry {seq}, which entry {next} confirms.</source>
        <translation>记录 {seq}（{record}）在保存后被修改过：其内容已与审计条目 {seq} 中的哈希值不符，条目 {next} 证实了这一哈希值。</translation>
    </message>
    <message>
        <source>record {seq} ({record}) and the stored hash of audit entry {seq} were both edited: neither matches the prev-hash kept by entry {next}.</source>
        <translation>记录 {seq}（{record}）和审计条目 {seq} 中保存的哈希值都被修改过：两者都与条目 {next} 保存的前一哈希值不符。</translation>
    </message>
    <message>
        <source>audit entry {seq} does not follow entry {previous}: its prev-hash and its hash were both edited.</source>
        <translation>审计条目 {seq} 未接续条目 {previous}：其前一哈希值和自身哈希值都被修改过。</translation>
    </message>
    <message>
        <source>the prev-hash stored in audit entry {seq} was edited: it does not match the hash of entry {previous}, while entry {seq}&apos;s own hash still does.</source>
        <translation>审计条目 {seq} 中保存的前一哈希值被修改过：它与条目 {previous} 的哈希值不符，而条目 {seq} 自身的哈希值仍然相符。</translation>
    </message>
    <message>
        <source>audit entry {seq} follows entry {other}, not entry {previous}: audit entries were moved, copied or reordered.</source>
        <translation>审计条目 {seq} 接续的是条目 {other}，而不是条目 {previous}：审计条目被移动、复制或重新排序过。</translation>
    </message>
    <message>
        <source>record {previous} and its audit entry were rewritten together: the stored hash of entry {previous} no longer matches the prev-hash kept by entry {seq}.</source>
        <translation>记录 {previous} 与其审计条目被一并改写：条目 {previous} 中保存的哈希值已与条目 {seq} 保存的前一哈希值不符。</translation>
    </message>
    <message>
        <source>the record at sequence {seq} ({record}) was saved as record {saved}: records were moved, copied or reordered.</source>
        <translation>序号 {seq} 处的记录（{record}）保存时是记录 {saved}：记录被移动、复制或重新排序过。</translation>
    </message>
    <message>
        <source>The database {path} is read-only ({reason}): it was opened for reading only.</source>
        <translation>数据库 {path} 为只读（{reason}）：已按只读方式打开。</translation>
    </message>
    <message>
        <source>The database {path} is read-only and was written by an older version of the lane client: this version must first upgrade it, which needs write access. Make it writable (remount the disk read-write, or ask IT to give this user write permission on the file and its folder), or use the version that wrote it.</source>
        <translation>数据库 {path} 为只读，且由旧版本的通道客户端写入：本版本须先将其升级，这需要写入权限。请使其可写（以读写方式重新挂载磁盘，或请信息技术部门为此用户授予该文件及其文件夹的写入权限），或使用写入它的那个版本。</translation>
    </message>
    <message>
        <source>The database {path} is read-only and cannot even be read: its write-ahead log {wal} holds its newest records, which SQLite reads only with write access to the folder. Make it writable (remount the disk read-write, or ask IT to give this user write permission on the folder) and try again; nothing is lost.</source>
        <translation>数据库 {path} 为只读，且无法读取：其预写日志 {wal} 中保存着最新的记录，而 SQLite 只有在对该文件夹有写入权限时才能读取它。请使其可写（以读写方式重新挂载磁盘，或请信息技术部门为此用户授予该文件夹的写入权限）后重试；数据没有丢失。</translation>
    </message>
    <message>
        <source>SQLite refused to write it</source>
        <translation>SQLite 拒绝写入</translation>
    </message>
    <message>
        <source>it is on a file system mounted read-only</source>
        <translation>它位于以只读方式挂载的文件系统上</translation>
    </message>
    <message>
        <source>the file itself is read-only</source>
        <translation>该文件本身为只读</translation>
    </message>
    <message>
        <source>its folder {folder} is read-only, so SQLite cannot create its {wal} and {shm} files there</source>
        <translation>其文件夹 {folder} 为只读，SQLite 无法在其中创建 {wal} 和 {shm} 文件</translation>
    </message>
    <message>
        <source>its file {file} is read-only</source>
        <translation>其文件 {file} 为只读</translation>
    </message>
    <message>
        <source>Accounts have already been set up on this workstation, so no supervisor can be added here; nothing was changed. Sign in with an account, or ask IT (`inspection-client officer`).</source>
        <translation>本工作站已设置过账户，因此不能在此添加主管；未作任何更改。请用已有账户登录，或联系信息技术部门（`inspection-client officer`）。</translation>
    </message>
    <message>
        <source>No account can sign in on this workstation (all are disabled or without a PIN). IT can let one in again: `inspection-client officer enable CODE` for a disabled account, `inspection-client officer set-pin CODE` for the others.</source>
        <translation>本工作站没有可登录的账户（全部已停用或没有 PIN 码）。信息技术部门可恢复登录：已停用的账户用 `inspection-client officer enable CODE`，其他账户用 `inspection-client officer set-pin CODE`。</translation>
    </message>
    <message>
        <source>{officer} is no longer signed in: the account was disabled or given a new PIN on this workstation. Nothing was saved; sign in again.</source>
        <translation>{officer} 已不再处于登录状态：该账户已在本工作站被停用或设置了新的 PIN 码。未保存任何内容；请重新登录。</translation>
    </message>
    <message>
        <source>Only a supervisor signed in here can give an officer a new PIN.</source>
        <translation>只有在此登录的主管才能为查验员设置新 PIN 码。</translation>
    </message>
    <message>
        <source>The database {path} is read-only: {reason}. Nothing can be saved to it. Make it writable (remount the disk read-write, or ask IT to give this user write permission on the file and its folder) and try again. Commands that only read (db info, db check, db backup, audit verify, report, shift list, officer list, watchlist status, watchlist check) still work.</source>
        <translation>数据库 {path} 为只读：{reason}。无法向其保存任何内容。请使其可写（以读写方式重新挂载磁盘，或请信息技术部门为此用户授予该文件及其文件夹的写入权限）后重试。只读取数据的命令（db info、db check、db backup、audit verify、report、shift list、officer list、watchlist status、watchlist check）仍可使用。</translation>
    </message>
    <message>
        <source>There is no active account {officer} on this workstation; nothing was changed.</source>
        <translation>本工作站没有有效账户 {officer}；未做任何更改。</translation>
    </message>
    <message>
        <source>To change your own PIN, use Shift → Change my PIN; nothing was changed.</source>
        <translation>要修改您自己的 PIN 码，请使用“班次 → 修改我的 PIN 码”；未做任何更改。</translation>
    </message>
    <message>
        <source>{officer} is an administrator: only IT can give that account a new PIN (`inspection-client officer set-pin`). Nothing was changed.</source>
        <translation>{officer} 是管理员：只有信息技术人员才能为该账户设置新 PIN 码（`inspection-client officer set-pin`）。未做任何更改。</translation>
    </message>
    <message>
        <source>The new PIN is the same as the current one; choose another.</source>
        <translation>新 PIN 码与当前 PIN 码相同；请另选一个。</translation>
    </message>
    <message>
        <source>The accompanying adult {record} is not a passenger clearance of this workstation.</source>
        <translation>陪同成人 {record} 不是本工作站的旅客通关记录。</translation>
    </message>
    <message>
        <source>The accompanying adult {record} is a minor&apos;s clearance; a minor cannot accompany another.</source>
        <translation>陪同成人 {record} 是未成年人的通关记录；未成年人不能作为陪同人。</translation>
    </message>
    <message>
        <source>The accompanying adult {record} has been voided; choose another.</source>
        <translation>陪同成人 {record} 的记录已作废；请另选一人。</translation>
    </message>
    <message>
        <source>{shift!r} is not a shift id (nor its first or last characters, at least 4).</source>
        <translation>{shift!r} 不是班次编号（也不是其开头或结尾的字符，至少 4 个）。</translation>
    </message>
    <message>
        <source>More than one shift id starts or ends with {shift}; give more of it.</source>
        <translation>有多个班次编号以 {shift} 开头或结尾；请多给出几位。</translation>
    </message>
    <message>
        <source>{text!r} is not a record id: give the whole id, or its first or last 8 characters or more (History shows it).</source>
        <translation>{text!r} 不是记录编号：请给出完整编号，或其开头或结尾的 8 个及以上字符（历史记录中可见）。</translation>
    </message>
    <message>
        <source>{path} is sealed with the agency&apos;s recovery key: add --identity FILE, the recovery identity IT keeps (the file `inspection-client db backup-key new` wrote; its passphrase is asked). Nothing was changed.</source>
        <translation>{path} 已用本机关的恢复密钥加密：请加上 --identity FILE，即信息技术人员保管的恢复身份文件（由 `inspection-client db backup-key new` 写出；会询问其口令）。未作任何更改。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problem}): a save may fail. Tell IT now: they copy the whole data directory somewhere safe and recover its records (`inspection-client db check` lists the damage). Do not delete it.</source>
        <translation>数据库 {path} 已损坏（{problem}）：保存可能失败。请立即通知 IT：由他们把整个数据目录复制到安全的地方并恢复其中的记录（`inspection-client db check` 会列出损坏之处）。请勿删除它。</translation>
    </message>
    <message>
        <source>The lane database {path} is {state}, but this data directory holds the key of a workstation set up before ({key}): its records are not here. Nothing was changed. Restore the latest backup with `inspection-client db restore BACKUP` (add --replace when an empty file is in the way), or ask IT to recover the data directory.</source>
        <translation>通道数据库 {path} {state}，但此数据目录中有此前已设置的工作站的密钥（{key}）：其记录不在这里。未作任何更改。请用 `inspection-client db restore 备份文件` 恢复最近的备份（若有空文件挡住，请加 --replace），或请信息技术部门恢复该数据目录。</translation>
    </message>
    <message>
        <source>The lane database {path} is empty: it holds no records. Check --data-dir, or set up the workstation (start the app, or run `inspection-client seed`); nothing was changed.</source>
        <translation>通道数据库 {path} 是空文件：其中没有任何记录。请检查 --data-dir，或设置工作站（启动程序，或运行 `inspection-client seed`）；未作任何更改。</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>为空文件</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>The history filter&apos;s search index in {path} is damaged; the records are not. Filter by date, decision or direction instead, and ask IT to run `inspection-client db reindex`.</source>
        <translation>{path} 中历史筛选的检索索引已损坏；记录本身完好。请改按日期、决定或方向筛选，并请 IT 运行 `inspection-client db reindex`。</translation>
    </message>
    <message>
        <source>Lane database put back to an older copy: new records are held</source>
        <translation>通道数据库被换回旧副本：新记录暂停保存</translation>
    </message>
    <message>
        <source>This lane database ends at record #{head}, but record #{noted} was saved on it before (noted in {file}): it was put back to an older copy without `db restore`.</source>
        <translation>本通道数据库的最后一条记录是 #{head}，但此前已在其上保存过记录 #{noted}（记于 {file}）：它未经 `db restore` 被换回了旧副本。</translation>
    </message>
    <message>
        <source>New records are held: saved now, they would take the numbers of the records it lost. This workstation is not enrolled, so no sync can bring them back: ask IT for a newer copy of the data directory, or have a supervisor lift the hold.</source>
        <translation>新记录暂停保存：现在保存，它们会占用已丢失记录的编号。本工作站未注册，无法通过同步取回这些记录：请向信息技术人员索取数据目录的较新副本，或请主管解除暂停。</translation>
    </message>
    <message>
        <source>{what} {then}</source>
        <translation>{what}{then}</translation>
    </message>
    <message>
        <source>New records are held until a sync with the central brings back the records saved after #{head}: saved now, they would take numbers the central already holds. Sync first. If the central cannot be reached, a supervisor can lift the hold; the central will then flag the records numbered twice for IT.</source>
        <translation>新记录暂停保存，直到与中心同步取回 #{head} 之后保存的记录：现在保存，它们会占用中心已有记录的编号。请先同步。如果连不上中心，主管可以解除暂停；中心随后会标记编号重复的记录，交由信息技术人员处理。</translation>
    </message>
    <message>
        <source>{held} Nothing was saved.</source>
        <translation>{held}未保存任何内容。</translation>
    </message>
    <message>
        <source>A recovery identity is the file `inspection-client db backup-key new` wrote (it starts with age-encryption.org/v1, and its passphrase opens it), or one from age-keygen (a line starting AGE-SECRET-KEY-1).</source>
        <translation>恢复身份文件是 `inspection-client db backup-key new` 写出的文件（以 age-encryption.org/v1 开头，用其口令打开），或由 age-keygen 生成的文件（有一行以 AGE-SECRET-KEY-1 开头）。</translation>
    </message>
    <message>
        <source>{path} is empty. {forms}</source>
        <translation>{path} 是空文件。{forms}</translation>
    </message>
    <message>
        <source>{path} holds {count} identities; a recovery identity file holds one.</source>
        <translation>{path} 含有 {count} 个身份；恢复身份文件只应含一个。</translation>
    </message>
    <message>
        <source>{path} is not a text file, so not a recovery identity. {forms}</source>
        <translation>{path} 不是文本文件，因此不是恢复身份文件。{forms}</translation>
    </message>
    <message>
        <source>Cannot read the recovery identity {path}: {error}</source>
        <translation>无法读取恢复身份文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{path} is sealed for a recovery key, not with a passphrase (a sealed backup, say): it is not a recovery identity. {forms}</source>
        <translation>{path} 是为恢复密钥加密的文件（例如加密备份），不是用口令保护的文件：它不是恢复身份文件。{forms}</translation>
    </message>
    <message>
        <source>{path} opens with the passphrase but holds no recovery identity (a line starting AGE-SECRET-KEY-1).</source>
        <translation>{path} 可用该口令打开，但其中没有恢复身份（以 AGE-SECRET-KEY-1 开头的一行）。</translation>
    </message>
    <message>
        <source>{path} is not a recovery identity. {forms}</source>
        <translation>{path} 不是恢复身份文件。{forms}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <source>The passphrase does not open the recovery key {path}.</source>
        <translation>该口令无法打开恢复密钥 {path}。</translation>
    </message>
    <message>
        <source>{path} is the public half of a recovery key (age1…): it seals backups but cannot open them. Give the identity itself: the identity is probably {identity}.</source>
        <translation>{path} 是恢复密钥的公钥部分（age1…）：它只能加密备份，不能打开备份。请提供身份文件本身：很可能是 {identity}。</translation>
    </message>
    <message>
        <source>{path} is the public half of a recovery key (age1…): it seals backups but cannot open them. Give the identity itself. {forms}</source>
        <translation>{path} 是恢复密钥的公钥部分（age1…）：它只能加密备份，不能打开备份。请提供身份文件本身。{forms}</translation>
    </message>
    <message>
        <source>The record of shift {shift}</source>
        <translation>班次 {shift} 的记录</translation>
    </message>
    <message>
        <source>{officer} already has an open shift; close it first.</source>
        <translation>{officer} 已有未结束的班次，请先交班。</translation>
    </message>
    <message>
        <source>There is no shift {shift} at this workstation.</source>
        <translation>本工作站没有班次 {shift}。</translation>
    </message>
    <message>
        <source>The shift {shift} is already closed.</source>
        <translation>班次 {shift} 已经结束。</translation>
    </message>
    <message>
        <source>The sync state</source>
        <translation>同步状态</translation>
    </message>
    <message>
        <source>The central&apos;s record #{seq} is not a record of this workstation that this lane client can read; nothing was taken back.</source>
        <translation>中心的第 {seq} 号记录不是本工作站的、本车道客户端可读取的记录；未取回任何记录。</translation>
    </message>
    <message>
        <source>This database&apos;s last record is #{last}, not #{after}: it changed while the central&apos;s copies were fetched; nothing was taken back.</source>
        <translation>本数据库的最后一条记录是第 {last} 号，而不是第 {after} 号：在获取中心副本期间数据库已变化；未取回任何记录。</translation>
    </message>
    <message>
        <source>The central sent record #{seq} where #{expected} was due; nothing was taken back.</source>
        <translation>中心发送了第 {seq} 号记录，而应为第 {expected} 号；未取回任何记录。</translation>
    </message>
    <message>
        <source>The central&apos;s record #{seq} does not continue this database&apos;s audit chain: from there the central holds another history of this workstation (this database, or another copy of it, saved other records under the same numbers). Call IT.</source>
        <translation>中心的第 {seq} 号记录与本数据库的审计链不衔接：从该记录起，中心保存的是本工作站的另一段历史（本数据库或它的另一份副本以相同编号保存了其他记录）。请联系信息技术人员。</translation>
    </message>
    <message>
        <source>The witness file {path} cannot be written ({error}); records are saved, but a rollback of this database to an older copy would go unnoticed. Check that the data directory can be written.</source>
        <translation>无法写入见证文件 {path}（{error}）；记录照常保存，但本数据库若被换回旧副本将无法察觉。请检查数据目录是否可写。</translation>
    </message>
    <message>
        <source>The witness file {path} names record #{noted}, which this database does not hold as it was saved: it may have been put back to an older copy. Open it for writing (make it writable) and new records are held until it is sorted out.</source>
        <translation>见证文件 {path} 记有记录 #{noted}，而本数据库中没有按原样保存的该记录：它可能被换回了旧副本。请以可写方式打开它（使其可写），新记录将暂停保存，直到问题解决。</translation>
    </message>
    <message>
        <source>The witness file {path} was damaged ({problem}); it was written again for record #{seq}. A damaged witness cannot tell whether this database was put back to an older copy: if it may have been, compare `db info` with the central or the last backup.</source>
        <translation>见证文件 {path} 已损坏（{problem}）；已按记录 #{seq} 重新写入。损坏的见证文件无法判断本数据库是否被换回了旧副本：如有可能，请将 `db info` 与中心或最近的备份进行比对。</translation>
    </message>
    <message>
        <source>The witness file {path} is damaged ({problem}).</source>
        <translation>见证文件 {path} 已损坏（{problem}）。</translation>
    </message>
    <message>
        <source>This workstation has no key yet, and {path} cannot be created ({error}). The key signs what the lane sends and its PDF reports and slips: make the data directory writable (or ask IT to) and try again.</source>
        <translation>本工作站尚无密钥，且无法创建 {path}（{error}）。该密钥用于签署通道发送的数据及其 PDF 报表和放行单：请使数据目录可写（或请信息技术部门处理）后重试。</translation>
    </message>
    <message>
        <source>sync stopped: {failure}</source>
        <translation>同步已停止：{failure}</translation>
    </message>
    <message>
        <source>Restored from an old backup? Call IT: the central holds records up to #{central}, this database only up to #{local}, and new records collide</source>
        <translation>是否从旧备份恢复？请联系信息技术人员：中心已有至 #{central} 的记录，本数据库仅至 #{local}，新记录编号冲突</translation>
    </message>
    <message>
        <source>{count} records still pending (stopped before the end)</source>
        <translation>仍有 {count} 条记录待发送（未完成即停止）</translation>
    </message>
    <message>
        <source>The central holds records of this workstation past missing ones (from #{first}); the restored database keeps holding new records. Call IT.</source>
        <translation>中心持有本工作站在缺失记录（从 #{first} 起）之后的记录；恢复的数据库继续暂停保存新记录。请联系信息技术人员。</translation>
    </message>
    <message>
        <source>no central address: give --central URL</source>
        <translation>没有中心地址：请用 --central 指定网址</translation>
    </message>
    <message>
        <source>{count} records not taken: {refusal}</source>
        <translation>{count} 条记录未被接收：{refusal}</translation>
    </message>
    <message>
        <source>{url} is not the central this workstation enrolled with (its key differs); nothing was sent — check the address or ask IT</source>
        <translation>{url} 不是本工作站注册时的中心（密钥不同）；未发送任何内容 — 请检查地址或联系信息技术人员</translation>
    </message>
    <message>
        <source>{kind}: the central does not publish this kind of reference data (it is older than this lane client); nothing was applied</source>
        <translation>{kind}：中心不发布此类参考数据（中心版本比本通道客户端旧）；未应用任何内容</translation>
    </message>
    <message>
        <source>The records sent back were not signed by the central this workstation enrolled with; nothing was taken back.</source>
        <translation>发回的记录并非由本工作站注册的中心签名；未取回任何记录。</translation>
    </message>
    <message>
        <source>The central answered another question than the one asked (records of {workstation} after #{after}); nothing was taken back.</source>
        <translation>中心的答复与所问不符（{workstation} 在第 {after} 号之后的记录）；未取回任何记录。</translation>
    </message>
    <message>
        <source>{path} is neither a file of records from the central nor a folder of them (`inspection-central export-records` writes them).</source>
        <translation>{path} 既不是中心导出的记录文件，也不是存放这类文件的文件夹（由 `inspection-central export-records` 生成）。</translation>
    </message>
    <message>
        <source>the central requires a newer lane client (protocol {low}..{high}); upgrade — all records are kept</source>
        <translation>中心要求更新版本的通道客户端（协议 {low}..{high}）；请升级 — 所有记录均已保留</translation>
    </message>
    <message>
        <source>this workstation is revoked at the central; records are kept — ask IT</source>
        <translation>本工作站已被中心吊销；记录均已保留 — 请联系信息技术人员</translation>
    </message>
    <message>
        <source>the central does not know this workstation; records are kept — ask IT (was the central restored without it?)</source>
        <translation>中心不认识本工作站；记录均已保留 — 请联系信息技术人员（中心是否在恢复时遗漏了本工作站？）</translation>
    </message>
    <message>
        <source>the central says the batch belongs to another workstation</source>
        <translation>中心认为该批次属于另一个工作站</translation>
    </message>
    <message>
        <source>the central could not read a batch</source>
        <translation>中心无法读取一个批次</translation>
    </message>
    <message>
        <source>a batch is larger than the central accepts</source>
        <translation>批次超过中心可接受的大小</translation>
    </message>
    <message>
        <source>the enrolment code was not accepted</source>
        <translation>注册码未被接受</translation>
    </message>
    <message>
        <source>{refusal} ({code}: {detail})</source>
        <translation>{refusal}（{code}：{detail}）</translation>
    </message>
    <message>
        <source>The central asks to wait: {detail}</source>
        <translation>中心要求稍候：{detail}</translation>
    </message>
    <message>
        <source>{url} answers, but not as a central store (no /v1/hello there): check the address, which is http://HOST:PORT without a path; every record is kept and sent later.</source>
        <translation>{url} 有应答，但不是中心库（那里没有 /v1/hello）：请检查地址，应为不带路径的 http://主机:端口；所有记录均已保留，稍后发送。</translation>
    </message>
    <message>
        <source>The central {url} has a passing fault (HTTP {status}); every record is kept and sent later.</source>
        <translation>中心 {url} 出现临时故障（HTTP {status}）；所有记录均已保留，稍后发送。</translation>
    </message>
    <message>
        <source>Unexpected answer from {url} (HTTP {status}); every record is kept and sent later.</source>
        <translation>{url} 的应答异常（HTTP {status}）；所有记录均已保留，稍后发送。</translation>
    </message>
    <message>
        <source>Something between this workstation and the central answered HTTP {status}; every record is kept and sent later.</source>
        <translation>本工作站与中心之间的某个设备应答了 HTTP {status}；所有记录均已保留，稍后发送。</translation>
    </message>
    <message>
        <source>The answer from {host} was not the central&apos;s {answer}; nothing was changed.</source>
        <translation>来自 {host} 的应答不是中心的 {answer}；未作任何更改。</translation>
    </message>
    <message>
        <source>The central&apos;s status answer was not readable; the records stay queued.</source>
        <translation>无法读取中心的状态应答；记录仍在队列中。</translation>
    </message>
    <message>
        <source>The answer from {url} is far larger than any the central sends; every record is kept and sent later.</source>
        <translation>{url} 的应答远大于中心库会发送的任何应答；所有记录均已保留，稍后发送。</translation>
    </message>
    <message>
        <source>The central {url} cannot be reached ({error}); every record is kept and sent later.</source>
        <translation>无法连接中心 {url}（{error}）；所有记录均已保留，稍后发送。</translation>
    </message>
    <message>
        <source>the central refused the request</source>
        <translation>中心拒绝了该请求</translation>
    </message>
    <message>
        <source>There is no folder {folder} to write {name} in (is the stick mounted?); nothing was written.</source>
        <translation>没有可写入 {name} 的文件夹 {folder}（U 盘是否已挂载？）；未写入任何内容。</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder; choose another place. Nothing was written.</source>
        <translation>{folder} 是文件而不是文件夹；请另选位置。未写入任何内容。</translation>
    </message>
    <message>
        <source>cleared</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>referred to secondary</source>
        <translation>移交二线</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>its record was amended to {decision} at {port} on {when}, after the slip was issued (the central&apos;s list of withdrawn slips)</source>
        <translation>放行单签发后，其记录已于 {when} 在 {port} 更正为“{decision}”（据中心的撤销放行单清单）</translation>
    </message>
    <message>
        <source>its record was voided at {port} on {when}, after the slip was issued (the central&apos;s list of withdrawn slips)</source>
        <translation>放行单签发后，其记录已于 {when} 在 {port} 作废（据中心的撤销放行单清单）</translation>
    </message>
    <message>
        <source>The list of withdrawn slips</source>
        <translation>撤销放行单清单</translation>
    </message>
    <message>
        <source>This workstation has no pinned central key, so the watchlist snapshot cannot be verified. Enrol the workstation with the central first (`inspection-client enrol`).</source>
        <translation>本工作站没有固定的中心密钥，无法核验布控名单快照。请先向中心注册本工作站（`inspection-client enrol`）。</translation>
    </message>
    <message>
        <source>Watchlist snapshot {version} is not signed by this workstation&apos;s central (bad signature); it was refused and the previous watchlist stays active.</source>
        <translation>布控名单快照 {version} 不是由本工作站的中心签发（签名无效）；已拒收，先前的布控名单继续有效。</translation>
    </message>
    <message>
        <source>, listed nationality {state}</source>
        <translation>，名单所列国籍 {state}</translation>
    </message>
    <message>
        <source>, read as {number} (O/0, I/1 folded)</source>
        <translation>，按 {number} 读取（O/0、I/1 视为相同）</translation>
    </message>
    <message>
        <source>VIN {key}: {reason}</source>
        <translation>车辆识别代号 {key}：{reason}</translation>
    </message>
    <message>
        <source>container {key}: {reason}</source>
        <translation>集装箱 {key}：{reason}</translation>
    </message>
    <message>
        <source>, birth year differs by one</source>
        <translation>，出生年份相差一年</translation>
    </message>
    <message>
        <source>, one name a shortened form of the other</source>
        <translation>，其中一个姓名为另一个的缩写形式</translation>
    </message>
    <message>
        <source>plate {plate} ({country}): {reason}</source>
        <translation>车牌 {plate}（{country}）：{reason}</translation>
    </message>
    <message>
        <source>, same birth year</source>
        <translation>，出生年份相同</translation>
    </message>
    <message>
        <source>{kind} {number} of {state} reported {reason}{note}</source>
        <translation>{state} 签发的 {kind} {number}，登记为{reason}{note}</translation>
    </message>
    <message>
        <source>{display}: {reason} (name {score}{notes})</source>
        <translation>{display}：{reason}（姓名相似度 {score}{notes}）</translation>
    </message>
    <message>
        <source>, same birth date</source>
        <translation>，出生日期相同</translation>
    </message>
    <message>
        <source>, same birth year, other day</source>
        <translation>，出生年份相同、日期不同</translation>
    </message>
    <message>
        <source>any country</source>
        <translation>任何国家</translation>
    </message>
    <message>
        <source>A watchlist alert</source>
        <translation>一条布控预警</translation>
    </message>
    <message>
        <source>The active watchlist file {path} is missing. Import the latest watchlist snapshot again (sync, or `inspection-client reference import FILE`).</source>
        <translation>当前布控名单文件 {path} 缺失。请重新导入最新的布控名单快照（同步，或 `inspection-client reference import FILE`）。</translation>
    </message>
    <message>
        <source>The active watchlist&apos;s details</source>
        <translation>当前布控名单的详细信息</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>Registration country</source>
        <translation>登记国</translation>
    </message>
    <message>
        <source>Document code</source>
        <translation>证件类型代码</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>签发国</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>国籍</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Optional data</source>
        <translation>可选数据</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车辆识别代号</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>集装箱</translation>
    </message>
    <message>
        <source>Seal</source>
        <translation>封志</translation>
    </message>
    <message>
        <source>HS code</source>
        <translation>HS 编码</translation>
    </message>
    <message>
        <source>Declaration number</source>
        <translation>报关单号</translation>
    </message>
    <message>
        <source>Gross weight</source>
        <translation>毛重</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Refusal ground</source>
        <translation>拒绝理由</translation>
    </message>
    <message>
        <source>Officer code</source>
        <translation>查验员代码</translation>
    </message>
    <message>
        <source>Supervisor code</source>
        <translation>主管代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>太短</translation>
    </message>
    <message>
        <source>too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <source>has characters that are not allowed</source>
        <translation>含有不允许的字符</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>is not a valid date</source>
        <translation>不是有效日期</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>另有 {count} 处</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>reindex</name>
    <message>
        <source>Building the history filter&apos;s search index again reads all {records:,} records and takes about {seconds} s. Records cannot be saved meanwhile: the lane waits until it is done. Build it now?</source>
        <translation>重建历史筛选的检索索引需读取全部 {records:,} 条记录，约需 {seconds} 秒。其间无法保存记录：通道将等待重建完成。现在重建吗？</translation>
    </message>
    <message>
        <source>The search index was found damaged on {at}, and saves stopped writing to it: the history filter cannot search by text until it is built again.</source>
        <translation>检索索引于 {at} 被发现损坏，此后保存不再写入该索引：重建之前，历史筛选无法按文字检索。</translation>
    </message>
    <message>
        <source>Rebuild the search index</source>
        <translation>重建检索索引</translation>
    </message>
    <message>
        <source>&amp;Rebuild it now</source>
        <translation>立即重建(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>暂不重建(&amp;N)</translation>
    </message>
    <message>
        <source>Search index built again from {records:,} records in {seconds:.1f} s.</source>
        <translation>已根据 {records:,} 条记录重建检索索引，用时 {seconds:.1f} 秒。</translation>
    </message>
</context>
<context>
    <name>slip_printing</name>
    <message>
        <source>Printing needs poppler&apos;s pdftoppm (apt-get install poppler-utils); save the document as PDF and print that file instead.</source>
        <translation>打印需要 poppler 的 pdftoppm（apt-get install poppler-utils）；请将文档另存为 PDF，再打印该文件。</translation>
    </message>
    <message>
        <source>Could not prepare the pages for printing: {error}</source>
        <translation>无法准备打印页面：{error}</translation>
    </message>
    <message>
        <source>The printer could not be opened; check that it is ready.</source>
        <translation>无法打开打印机；请检查打印机是否就绪。</translation>
    </message>
</context>
</TS>
