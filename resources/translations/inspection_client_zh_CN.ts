<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmendDialog</name>
    <message>
        <source>Amend record #{seq}: correct the form, give the reason, and have a supervisor approve.</source>
        <translation>更正记录 #{seq}：修改表单、填写理由，并由值班主管批准。</translation>
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
        <translation>提示信息</translation>
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
        <source>Not yet synchronised with the central: {count} record(s). They stay safely on this workstation and are sent later.</source>
        <translation>尚未同步到中心：{count} 条记录。它们安全保存在本工作站，稍后发送。</translation>
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
        <source>Amendment approved by {sup}: {reason}</source>
        <translation>更正，经 {sup} 批准：{reason}</translation>
    </message>
    <message>
        <source>VOID approved by {sup}: {reason}</source>
        <translation>作废，经 {sup} 批准：{reason}</translation>
    </message>
    <message>
        <source>VINs: {vins}</source>
        <translation>车辆识别代号：{vins}</translation>
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
        <source>{count} records shown, more below</source>
        <translation>已显示 {count} 条记录，向下滚动查看更多</translation>
    </message>
    <message>
        <source>{count} records</source>
        <translation>共 {count} 条记录</translation>
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
        <translation>打开记录…(&amp;O)</translation>
    </message>
    <message>
        <source>Open record…</source>
        <translation>打开记录…</translation>
    </message>
</context>
<context>
    <name>LaneScreen</name>
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
        <source>Message</source>
        <translation>提示信息</translation>
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
        <translation>提示信息</translation>
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
        <source>Wrong officer code or PIN. {count} attempt(s) left before the account is locked for 5 minutes.</source>
        <translation>查验员代码或 PIN 码错误。再错 {count} 次账户将被锁定 5 分钟。</translation>
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
        <translation>提示信息</translation>
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
        <source>Synchronisation is not available in this installation.</source>
        <translation>此安装版本不提供同步功能。</translation>
    </message>
    <message>
        <source>Lane client {version}</source>
        <translation>通道查验系统 {version}</translation>
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
        <translation>交班…(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>锁定屏幕(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置…(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
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
        <source>The date of birth must be written as YYYY-MM-DD.</source>
        <translation>出生日期须按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <source>The date of expiry must be written as YYYY-MM-DD.</source>
        <translation>有效期须按 YYYY-MM-DD 格式填写。</translation>
    </message>
    <message>
        <source>Scan the document, or type at least its number and the surname.</source>
        <translation>请扫描证件，或至少输入证件号码和姓氏。</translation>
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
        <source>&amp;Surname:</source>
        <translation>姓(&amp;S)：</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>&amp;Given names:</source>
        <translation>名(&amp;G)：</translation>
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
        <source>&amp;Remarks:</source>
        <translation>备注(&amp;R)：</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
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
        <translation>更正…(&amp;A)</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>作废…(&amp;V)</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>作废…</translation>
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
        <source>&amp;Lock the screen after idle minutes:</source>
        <translation>空闲多少分钟后锁屏(&amp;L)：</translation>
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
        <translation>提示信息</translation>
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
        <source>Shift: {h}h {m:02d}m</source>
        <translation>班次：{h} 小时 {m:02d} 分</translation>
    </message>
    <message>
        <source>No open shift</source>
        <translation>无进行中的班次</translation>
    </message>
    <message>
        <source>This shift: {total} ({cleared} cleared, {referred} referred, {refused} refused)</source>
        <translation>本班次：{total}（放行 {cleared}，移交 {referred}，拒绝 {refused}）</translation>
    </message>
    <message>
        <source>Last sync {time} — {pending} waiting</source>
        <translation>上次同步 {time} — {pending} 条待发送</translation>
    </message>
    <message>
        <source>Not synced yet — {pending} waiting</source>
        <translation>尚未同步 — {pending} 条待发送</translation>
    </message>
    <message>
        <source>Not enrolled — {pending} waiting to sync</source>
        <translation>未注册 — {pending} 条待同步</translation>
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
        <source>Version</source>
        <translation>版本</translation>
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
        <translation>提示信息</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
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
        <source>Offline — {pending} waiting</source>
        <translation>离线 — {pending} 条待发送</translation>
    </message>
    <message>
        <source>Sync problem: {reason}</source>
        <translation>同步问题：{reason}</translation>
    </message>
    <message>
        <source>Synced {time} — {pending} waiting</source>
        <translation>已于 {time} 同步 — {pending} 条待发送</translation>
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
        <source>VIN {vin} added.</source>
        <translation>已添加车辆识别代号 {vin}。</translation>
    </message>
    <message>
        <source>{count} VIN(s)</source>
        <translation>{count} 个车辆识别代号</translation>
    </message>
    <message>
        <source>Container {number} not added: {errors}</source>
        <translation>集装箱 {number} 未添加：{errors}</translation>
    </message>
    <message>
        <source>seals</source>
        <translation>封志</translation>
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
        <source>Crew MRZ not usable: {errors}</source>
        <translation>随车人员机读区无法使用：{errors}</translation>
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
        <source>&amp;HS codes:</source>
        <translation>商品编码(&amp;H)：</translation>
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
        <source>&amp;Declaration number:</source>
        <translation>报关单号(&amp;D)：</translation>
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
        <source>Cre&amp;w MRZ:</source>
        <translation>随车人员机读区(&amp;W)：</translation>
    </message>
    <message>
        <source>Crew MRZ</source>
        <translation>随车人员机读区</translation>
    </message>
    <message>
        <source>Crew</source>
        <translation>随车人员</translation>
    </message>
    <message>
        <source>&amp;VIN:</source>
        <translation>车辆识别代号(&amp;V)：</translation>
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
        <source>Remove &amp;selected</source>
        <translation>删除所选(&amp;S)</translation>
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
        <source>comma-separated; Enter adds the container</source>
        <translation>以逗号分隔；回车添加集装箱</translation>
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
        <translation>活畜运输车</translation>
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
</context>
</TS>
