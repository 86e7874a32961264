<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>&lt;h3&gt;Kafka Ops Console %1&lt;/h3&gt;&lt;p&gt;Consumer lag and health, dead letters, offset replay and profiles for the people who run Apache Kafka in production; &lt;tt&gt;kafka-ops&lt;/tt&gt; is the same engine on the command line.&lt;/p&gt;&lt;p&gt;librdkafka %2 &amp;middot; Qt %3 (built with %4)&lt;/p&gt;&lt;p&gt;MIT License. Apache Kafka is a trademark of the Apache Software Foundation.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kafka Ops Console %1&lt;/h3&gt;&lt;p&gt;面向生产环境 Apache Kafka 运维人员的消费者积压与健康、死信队列、位点回溯和配置档案工具；&lt;tt&gt;kafka-ops&lt;/tt&gt; 是同一引擎的命令行版本。&lt;/p&gt;&lt;p&gt;librdkafka %2 &amp;middot; Qt %3（构建于 %4）&lt;/p&gt;&lt;p&gt;MIT 许可证。Apache Kafka 是 Apache 软件基金会的商标。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Kafka Ops Console</source>
        <translation>关于 Kafka Ops Console</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Broker JVM</source>
        <translation>Broker JVM</translation>
    </message>
    <message>
        <source>Producers</source>
        <translation>生产者</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>消费者</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>kops</name>
    <message>
        <source>Client setting %1=%2: %3</source>
        <translation>客户端设置 %1=%2：%3</translation>
    </message>
    <message>
        <source>The lab&apos;s consumers were not given the topic&apos;s partitions within 60 s.</source>
        <translation>实验的消费者在 60 s 内未分配到该主题的分区。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were not acknowledged: %1</source>
        <translation>
            <numerusform>%n 条消息未得到确认：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The consumers read %1 of %2 records; nothing more came for 15 s (deleted before they were read?%3)</source>
        <translation>消费者读取了 %2 条消息中的 %1 条，此后 15 s 内再无消息到达（是否在读取前已被删除？%3）</translation>
    </message>
    <message>
        <source> The demo&apos;s mock brokers keep about 5 MB per partition.</source>
        <translation> 演示集群的模拟 Broker 每个分区只保留约 5 MB。</translation>
    </message>
    <message>
        <source>Injected: produce requests refused with a retriable error while later batches were in flight. (Lost acknowledgements are not injected here: the demo&apos;s mock brokers do not check an idempotent producer&apos;s sequence numbers, which is how a real broker drops a resent batch.)</source>
        <translation>已注入：在后续批次仍在发送途中时，以可重试错误拒绝生产请求。（此处不注入确认丢失：演示集群的模拟 Broker 不检查幂等生产者的序列号，而真实 Broker 正是靠序列号丢弃重发的批次。）</translation>
    </message>
    <message>
        <source>Injected: produce requests refused with a retriable error while later batches were in flight, and acknowledgements that came after request.timeout.ms (the batch was written; the client sent it again).</source>
        <translation>已注入：在后续批次仍在发送途中时，以可重试错误拒绝生产请求；以及超过 request.timeout.ms 才到达的确认（批次已写入，客户端又重发了一次）。</translation>
    </message>
</context>
<context>
    <name>kops::AlertsModel</name>
    <message>
        <source>resolved %1</source>
        <translation>已于 %1 解除</translation>
    </message>
    <message>
        <source>open, acknowledged</source>
        <translation>未解除，已确认</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未解除</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>积压</translation>
    </message>
    <message>
        <source>Time lag</source>
        <translation>时间积压</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>kops::AlertsPage</name>
    <message>
        <source>No alerts. An alert is raised once per incident when a group leaves OK (WARN, ERR, STOP, STALL, REWIND) or crosses a threshold.</source>
        <translation>没有告警。消费者组离开 OK（WARN、ERR、STOP、STALL、REWIND）或超过阈值时，每次事件只产生一条告警。</translation>
    </message>
    <message>
        <source>Filter by group, topic, status or reason…</source>
        <translation>按消费者组、主题、状态或原因过滤…</translation>
    </message>
    <message>
        <source>Hide acknowledged and resolved</source>
        <translation>隐藏已确认和已解除的告警</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Acknowledge all shown</source>
        <translation>确认全部显示的告警</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>1 new alert — click to show it</source>
        <translation>1 条新告警 — 点击显示</translation>
    </message>
    <message>
        <source>%1 new alerts — click to show them</source>
        <translation>%1 条新告警 — 点击显示</translation>
    </message>
    <message>
        <source>Acknowledge all shown (%1)</source>
        <translation>确认全部显示的告警（%1）</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
</context>
<context>
    <name>kops::AuditFinding</name>
    <message>
        <source>Same key and value as %1/%2</source>
        <translation>与 %1/%2 的键和值相同</translation>
    </message>
    <message>
        <source>Same id %1 as %2/%3</source>
        <translation>与 %2/%3 的标识 %1 相同</translation>
    </message>
    <message>
        <source>Sequence %1 after %2 (at %3/%4)</source>
        <translation>序列号 %1 出现在 %2 之后（位于 %3/%4）</translation>
    </message>
    <message>
        <source>Key also in partition %1</source>
        <translation>该键也出现在分区 %1 中</translation>
    </message>
</context>
<context>
    <name>kops::AuditFindingModel</name>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Order break</source>
        <translation>乱序</translation>
    </message>
    <message>
        <source>Key in several partitions</source>
        <translation>键跨多个分区</translation>
    </message>
    <message>
        <source>(null)</source>
        <translation>（null）</translation>
    </message>
    <message>
        <source>same key and value as %1/%2</source>
        <translation>与 %1/%2 的键和值相同</translation>
    </message>
    <message>
        <source>same id %1 as %2/%3</source>
        <translation>与 %2/%3 的标识 %1 相同</translation>
    </message>
    <message>
        <source>sequence %1 after %2 (at %3/%4)</source>
        <translation>序列号 %1 出现在 %2 之后（位于 %3/%4）</translation>
    </message>
    <message>
        <source>key also in partition %1</source>
        <translation>该键也出现在分区 %1 中</translation>
    </message>
    <message>
        <source>Double-click to open this record in the Dead letters browser</source>
        <translation>双击可在死信队列浏览器中打开此消息</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>位点</translation>
    </message>
    <message>
        <source>Timestamp (UTC)</source>
        <translation>时间戳（UTC）</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>kops::AuditPanel</name>
    <message>
        <source>key and value bytes; or json:$.orderId, header:NAME</source>
        <translation>键和值的字节；或 json:$.orderId、header:NAME</translation>
    </message>
    <message>
        <source>none; or json:$.seq, header:NAME</source>
        <translation>无；或 json:$.seq、header:NAME</translation>
    </message>
    <message>
        <source>from the oldest (or 2026-11-28T08:00:00)</source>
        <translation>从最早的消息开始（或 2026-11-28T08:00:00）</translation>
    </message>
    <message>
        <source>to the end</source>
        <translation>直到末尾</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Duplicate id</source>
        <translation>判重标识</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>From time (UTC)</source>
        <translation>起始时间（UTC）</translation>
    </message>
    <message>
        <source>Until time (UTC)</source>
        <translation>截止时间（UTC）</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export JSON Lines…</source>
        <translation>导出 JSON Lines…</translation>
    </message>
    <message>
        <source>Duplicates: the same key and value bytes (or the same id). Order breaks: a sequence number that goes down within a key (within a partition for null keys).</source>
        <translation>重复：键和值的字节相同（或标识相同）。乱序：同一个键内序列号变小（键为 null 时按分区判断）。</translation>
    </message>
    <message>
        <source>Export findings</source>
        <translation>导出审计结果</translation>
    </message>
    <message>
        <source>Exported the findings to %1</source>
        <translation>已将审计结果导出到 %1</translation>
    </message>
    <message>
        <source>Choose a topic to audit.</source>
        <translation>请选择要审计的主题。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time (2026-11-28T08:00:00 or epoch ms).</source>
        <translation>&apos;%1&apos; 不是时间（应为 2026-11-28T08:00:00 或纪元毫秒数）。</translation>
    </message>
    <message>
        <source>%1Scanned %2 of %3 records, %4 records/s — %5 duplicates, %6 order breaks, %7 keys in several partitions so far</source>
        <translation>%1已扫描 %2/%3 条消息，每秒 %4 条 — 目前发现 %5 条重复、%6 处乱序、%7 个键跨多个分区</translation>
    </message>
    <message>
        <source>Pass %1 of %2: </source>
        <translation>第 %1/%2 轮： </translation>
    </message>
    <message>
        <source>The audit stopped.</source>
        <translation>审计已中止。</translation>
    </message>
    <message>
        <source>%1 %2 records of %3 in %4 s (%5 records/s%6).</source>
        <translation>%1 %3 的 %2 条消息，用时 %4 s（每秒 %5 条%6）。</translation>
    </message>
    <message>
        <source>Cancelled after</source>
        <translation>已取消，此前已扫描</translation>
    </message>
    <message>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <source>, %1 passes to stay within %2 digests</source>
        <translation>，分 %1 轮扫描以使摘要不超过 %2 条</translation>
    </message>
    <message>
        <source>Clean: no duplicates, no order breaks, every key in one partition.</source>
        <translation>未发现问题：没有重复，没有乱序，每个键都只在一个分区中。</translation>
    </message>
    <message>
        <source>%1 duplicates, %2 order breaks, %3 keys in more than one partition.</source>
        <translation>重复：%1，乱序：%2，跨多个分区的键：%3。</translation>
    </message>
    <message>
        <source>(no sequence number given:) no</source>
        <translation>无（未指定序列号）</translation>
    </message>
    <message>
        <source>%1 records have no %2.</source>
        <translation>%1 条消息没有 %2。</translation>
    </message>
    <message>
        <source>Double-click an example to open the record in the Dead letters browser.</source>
        <translation>双击示例可在死信队列浏览器中打开该消息。</translation>
    </message>
    <message>
        <source>Run the audit first.</source>
        <translation>请先运行审计。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>kops::BrokersModel</name>
    <message>
        <source>controller</source>
        <translation>控制器</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>机架</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>kops::Cluster</name>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1: sasl.jaas.config uses a login module kafka-ops cannot map (only PlainLoginModule and ScramLoginModule): %2</source>
        <translation>%1：sasl.jaas.config 使用了 kafka-ops 无法映射的登录模块（仅支持 PlainLoginModule 和 ScramLoginModule）：%2</translation>
    </message>
    <message>
        <source>%1: sasl.jaas.config has no username=&quot;...&quot; password=&quot;...&quot;.</source>
        <translation>%1：sasl.jaas.config 中没有 username=&quot;...&quot; password=&quot;...&quot;。</translation>
    </message>
    <message>
        <source>ssl.truststore.location &apos;%1&apos; is a %2 store; librdkafka reads PEM. Convert it and set ssl.truststore.type=PEM with the new file:
  keytool -importkeystore -srckeystore %1 -srcstoretype %2 -destkeystore truststore.p12 -deststoretype PKCS12
  openssl pkcs12 -in truststore.p12 -nokeys -out %3</source>
        <translation>ssl.truststore.location &apos;%1&apos; 是 %2 格式的存储；librdkafka 只读取 PEM。请转换后用新文件设置 ssl.truststore.type=PEM：
  keytool -importkeystore -srckeystore %1 -srcstoretype %2 -destkeystore truststore.p12 -deststoretype PKCS12
  openssl pkcs12 -in truststore.p12 -nokeys -out %3</translation>
    </message>
    <message>
        <source>ssl.keystore.location &apos;%1&apos; is a %2 store; librdkafka reads PEM. Convert it and set ssl.keystore.type=PEM with the new file (key and certificate in one PEM):
%4  openssl pkcs12 -in %5 -nodes -out %3</source>
        <translation>ssl.keystore.location &apos;%1&apos; 是 %2 格式的存储；librdkafka 只读取 PEM。请转换后用新文件设置 ssl.keystore.type=PEM（密钥和证书放在同一个 PEM 中）：
%4  openssl pkcs12 -in %5 -nodes -out %3</translation>
    </message>
    <message>
        <source>%1: expected key=value, got &apos;%2&apos;.</source>
        <translation>%1：应为 key=value，实际为 &apos;%2&apos;。</translation>
    </message>
    <message>
        <source>Cannot read &apos;%1&apos;: %2.</source>
        <translation>无法读取 &apos;%1&apos;：%2。</translation>
    </message>
    <message>
        <source>This cluster client cannot delete groups.</source>
        <translation>此集群客户端无法删除消费者组。</translation>
    </message>
    <message>
        <source>The connection needs a name.</source>
        <translation>连接需要一个名称。</translation>
    </message>
    <message>
        <source>Bootstrap servers are missing (host:port, comma separated).</source>
        <translation>缺少 Bootstrap 服务器（host:port，以逗号分隔）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not host:port.</source>
        <translation>&apos;%1&apos; 不是 host:port。</translation>
    </message>
    <message>
        <source>Unknown security protocol &apos;%1&apos;.</source>
        <translation>未知的安全协议 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Unknown SASL mechanism &apos;%1&apos;.</source>
        <translation>未知的 SASL 机制 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>SASL needs a user name.</source>
        <translation>SASL 需要用户名。</translation>
    </message>
    <message>
        <source>The sampling interval must be at least one second.</source>
        <translation>采样间隔至少为一秒。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON at offset %2: %3</source>
        <translation>%1 不是有效的 JSON（偏移 %2）：%3</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No connection profile named &apos;%1&apos; (none are defined).</source>
        <translation>没有名为 &apos;%1&apos; 的连接配置（尚未定义任何连接）。</translation>
    </message>
    <message>
        <source>No connection profile named &apos;%1&apos; (known: %2).</source>
        <translation>没有名为 &apos;%1&apos; 的连接配置（已有：%2）。</translation>
    </message>
    <message>
        <source>Consumer group &apos;%1&apos; does not exist.</source>
        <translation>消费者组 &apos;%1&apos; 不存在。</translation>
    </message>
    <message>
        <source>Describing group &apos;%1&apos; failed: %2</source>
        <translation>描述消费者组 &apos;%1&apos; 失败：%2</translation>
    </message>
    <message>
        <source>The system keychain did not answer.</source>
        <translation>系统密钥环没有响应。</translation>
    </message>
    <message>
        <source>Reading cluster metadata</source>
        <translation>读取集群元数据</translation>
    </message>
    <message>
        <source>Listing consumer groups</source>
        <translation>列出消费者组</translation>
    </message>
    <message>
        <source>Describing consumer groups</source>
        <translation>描述消费者组</translation>
    </message>
    <message>
        <source>Deleting consumer groups</source>
        <translation>删除消费者组</translation>
    </message>
    <message>
        <source>Reading committed offsets</source>
        <translation>读取已提交位点</translation>
    </message>
    <message>
        <source>Reading committed offsets of group &apos;%1&apos;</source>
        <translation>读取消费者组 &apos;%1&apos; 的已提交位点</translation>
    </message>
    <message>
        <source>Reading watermarks</source>
        <translation>读取水位</translation>
    </message>
    <message>
        <source>Looking up offsets for timestamps</source>
        <translation>按时间戳查找位点</translation>
    </message>
    <message>
        <source>Changing the offsets of group &apos;%1&apos;</source>
        <translation>修改消费者组 &apos;%1&apos; 的位点</translation>
    </message>
    <message>
        <source>Reading configuration</source>
        <translation>读取配置</translation>
    </message>
    <message>
        <source>Topic &apos;%1&apos; is not valid: %2</source>
        <translation>主题 &apos;%1&apos; 无效：%2</translation>
    </message>
    <message>
        <source>Creating topic &apos;%1&apos;</source>
        <translation>创建主题 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Reading %1/%2</source>
        <translation>读取 %1/%2</translation>
    </message>
    <message>
        <source>Reading records</source>
        <translation>读取消息</translation>
    </message>
    <message>
        <source>Unknown client property &apos;%1&apos;.</source>
        <translation>未知的客户端属性 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Invalid value for client property &apos;%1&apos;: %2</source>
        <translation>客户端属性 &apos;%1&apos; 的值无效：%2</translation>
    </message>
    <message>
        <source>No bootstrap servers given (use --bootstrap HOST:PORT or a profile).</source>
        <translation>未提供 Bootstrap 服务器（使用 --bootstrap HOST:PORT 或连接配置）。</translation>
    </message>
    <message>
        <source>The Kafka client could not be created: %1</source>
        <translation>无法创建 Kafka 客户端：%1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1失败：%2</translation>
    </message>
    <message>
        <source>%1 failed: cannot reach %2.</source>
        <translation>%1失败：无法连接 %2。</translation>
    </message>
    <message>
        <source>%1 failed: cannot reach %2 (%3).</source>
        <translation>%1失败：无法连接 %2（%3）。</translation>
    </message>
    <message>
        <source>Connection &apos;%1&apos; is read-only: %2 is refused. Nothing was changed.</source>
        <translation>连接 &apos;%1&apos; 为只读：拒绝%2。未做任何更改。</translation>
    </message>
    <message>
        <source>changing the offsets of group &apos;%1&apos;</source>
        <translation>修改消费者组 &apos;%1&apos; 的位点</translation>
    </message>
    <message>
        <source>creating topic &apos;%1&apos;</source>
        <translation>创建主题 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>producing %1 record(s)</source>
        <translation>生产 %1 条消息</translation>
    </message>
    <message>
        <source>Deleting topics %1</source>
        <translation>删除主题 %1</translation>
    </message>
    <message>
        <source>deleting topics %1</source>
        <translation>删除主题 %1</translation>
    </message>
    <message>
        <source>deleting groups %1</source>
        <translation>删除消费者组 %1</translation>
    </message>
</context>
<context>
    <name>kops::ConfigKeys</name>
    <message>
        <source>host:port pairs used to discover the cluster.</source>
        <translation>用于发现集群的 host:port 列表。</translation>
    </message>
    <message>
        <source>Name sent to brokers for logging and quotas.</source>
        <translation>发送给 Broker 的客户端名称，用于日志和配额。</translation>
    </message>
    <message>
        <source>Protocol used to talk to brokers.</source>
        <translation>与 Broker 通信所用的协议。</translation>
    </message>
    <message>
        <source>SASL mechanism, e.g. PLAIN, SCRAM-SHA-512.</source>
        <translation>SASL 认证机制，例如 PLAIN、SCRAM-SHA-512。</translation>
    </message>
    <message>
        <source>JAAS login module configuration.</source>
        <translation>JAAS 登录模块配置。</translation>
    </message>
    <message>
        <source>Trust store file.</source>
        <translation>信任库（truststore）文件。</translation>
    </message>
    <message>
        <source>Trust store password.</source>
        <translation>信任库（truststore）密码。</translation>
    </message>
    <message>
        <source>Key store file.</source>
        <translation>密钥库（keystore）文件。</translation>
    </message>
    <message>
        <source>Key store password.</source>
        <translation>密钥库（keystore）密码。</translation>
    </message>
    <message>
        <source>Private key password.</source>
        <translation>私钥密码。</translation>
    </message>
    <message>
        <source>Host name verification.</source>
        <translation>主机名校验。</translation>
    </message>
    <message>
        <source>How long to wait for a broker response before retrying.</source>
        <translation>等待 Broker 响应多久后重试。</translation>
    </message>
    <message>
        <source>Pause before retrying a failed request.</source>
        <translation>重试失败请求前的等待时间。</translation>
    </message>
    <message>
        <source>Pause before reconnecting to a broker.</source>
        <translation>重新连接 Broker 前的等待时间。</translation>
    </message>
    <message>
        <source>Upper bound of the reconnect back-off.</source>
        <translation>重连退避时间的上限。</translation>
    </message>
    <message>
        <source>Close idle connections after this.</source>
        <translation>空闲连接超过此时间后关闭。</translation>
    </message>
    <message>
        <source>Refresh metadata at least this often.</source>
        <translation>元数据至少按此间隔刷新一次。</translation>
    </message>
    <message>
        <source>TCP receive buffer (-1: OS default).</source>
        <translation>TCP 接收缓冲区大小（-1：使用操作系统默认值）。</translation>
    </message>
    <message>
        <source>TCP send buffer (-1: OS default).</source>
        <translation>TCP 发送缓冲区大小（-1：使用操作系统默认值）。</translation>
    </message>
    <message>
        <source>How host names are resolved.</source>
        <translation>主机名的解析方式。</translation>
    </message>
    <message>
        <source>Interceptor classes.</source>
        <translation>拦截器类。</translation>
    </message>
    <message>
        <source>Metric reporter classes.</source>
        <translation>指标上报器（Metric Reporter）类。</translation>
    </message>
    <message>
        <source>How many replicas must acknowledge a write: 0 none, 1 the leader, all every in-sync replica.</source>
        <translation>一次写入需要多少个副本确认：0 不等待确认，1 仅 Leader 确认，all 所有同步副本（ISR）都确认。</translation>
    </message>
    <message>
        <source>Broker de-duplicates retried batches and keeps their order (needs acks=all, retries &gt; 0, in-flight &lt;= 5).</source>
        <translation>由 Broker 对重试的批次去重并保持其顺序（要求 acks=all、retries &gt; 0、在途请求数 &lt;= 5）。</translation>
    </message>
    <message>
        <source>How often a failed send is retried within delivery.timeout.ms.</source>
        <translation>在 delivery.timeout.ms 内发送失败后的重试次数。</translation>
    </message>
    <message>
        <source>Unacknowledged requests per broker connection.</source>
        <translation>每个 Broker 连接上允许的未确认（在途）请求数。</translation>
    </message>
    <message>
        <source>Upper bound on the time to report success or failure of a send, retries included.</source>
        <translation>一次发送报告成功或失败的时间上限，包含重试时间。</translation>
    </message>
    <message>
        <source>Wait this long for more records to fill a batch.</source>
        <translation>等待更多消息填充批次的时间。</translation>
    </message>
    <message>
        <source>Maximum batch size per partition.</source>
        <translation>每个分区的最大批次大小。</translation>
    </message>
    <message>
        <source>Compression codec for batches.</source>
        <translation>批次使用的压缩算法。</translation>
    </message>
    <message>
        <source>Memory for records waiting to be sent.</source>
        <translation>用于缓存待发送消息的内存大小。</translation>
    </message>
    <message>
        <source>How long send() blocks when the buffer is full or metadata missing.</source>
        <translation>缓冲区已满或缺少元数据时 send() 的最长阻塞时间。</translation>
    </message>
    <message>
        <source>Largest request the producer sends.</source>
        <translation>生产者发送的单个请求的最大大小。</translation>
    </message>
    <message>
        <source>Serializer class for keys.</source>
        <translation>消息键（key）的序列化器类。</translation>
    </message>
    <message>
        <source>Serializer class for values.</source>
        <translation>消息值（value）的序列化器类。</translation>
    </message>
    <message>
        <source>Partitioner class.</source>
        <translation>分区器类。</translation>
    </message>
    <message>
        <source>Ignore keys when choosing a partition.</source>
        <translation>选择分区时忽略消息键。</translation>
    </message>
    <message>
        <source>Enables transactions; needs idempotence.</source>
        <translation>启用事务；需要开启幂等。</translation>
    </message>
    <message>
        <source>Longest a transaction may stay open.</source>
        <translation>事务保持打开状态的最长时间。</translation>
    </message>
    <message>
        <source>Forget topics not produced to for this long.</source>
        <translation>超过此时间未写入的主题将从元数据缓存中移除。</translation>
    </message>
    <message>
        <source>Consumer group the consumer joins.</source>
        <translation>消费者加入的消费者组。</translation>
    </message>
    <message>
        <source>Static membership id.</source>
        <translation>静态成员 ID。</translation>
    </message>
    <message>
        <source>Commit offsets in the background, whether or not the records were processed.</source>
        <translation>在后台自动提交位点，无论消息是否已处理完。</translation>
    </message>
    <message>
        <source>Interval of background commits.</source>
        <translation>后台自动提交的时间间隔。</translation>
    </message>
    <message>
        <source>Where a group without committed offset starts: earliest, latest or none (fail).</source>
        <translation>没有已提交位点的消费者组从何处开始消费：earliest（最早）、latest（最新）或 none（报错）。</translation>
    </message>
    <message>
        <source>Whether records of aborted transactions are returned.</source>
        <translation>是否返回已中止事务中的消息。</translation>
    </message>
    <message>
        <source>Most records one poll() returns.</source>
        <translation>一次 poll() 返回的最大消息数。</translation>
    </message>
    <message>
        <source>Longest gap between polls before the consumer is removed from the group.</source>
        <translation>两次 poll 之间的最长间隔，超过后消费者将被移出消费者组。</translation>
    </message>
    <message>
        <source>Heartbeat timeout of group membership.</source>
        <translation>消费者组成员资格的心跳超时时间。</translation>
    </message>
    <message>
        <source>Heartbeat period.</source>
        <translation>心跳间隔。</translation>
    </message>
    <message>
        <source>Least data a fetch waits for.</source>
        <translation>一次拉取至少等待的数据量。</translation>
    </message>
    <message>
        <source>Most data one fetch returns.</source>
        <translation>一次拉取返回的最大数据量。</translation>
    </message>
    <message>
        <source>Longest a fetch waits for fetch.min.bytes.</source>
        <translation>一次拉取为凑够 fetch.min.bytes 的最长等待时间。</translation>
    </message>
    <message>
        <source>Most data per partition per fetch.</source>
        <translation>一次拉取中每个分区返回的最大数据量。</translation>
    </message>
    <message>
        <source>Assignor classes, in order of preference.</source>
        <translation>分区分配策略类，按优先顺序排列。</translation>
    </message>
    <message>
        <source>Deserializer class for keys.</source>
        <translation>消息键（key）的反序列化器类。</translation>
    </message>
    <message>
        <source>Deserializer class for values.</source>
        <translation>消息值（value）的反序列化器类。</translation>
    </message>
    <message>
        <source>Verify CRC32 of fetched records.</source>
        <translation>校验拉取到的消息的 CRC32。</translation>
    </message>
    <message>
        <source>Rack of the consumer, for fetching from the closest replica.</source>
        <translation>消费者所在机架，用于从最近的副本拉取（就近读取）。</translation>
    </message>
    <message>
        <source>Never match internal topics with patterns.</source>
        <translation>按正则订阅时不匹配内部主题。</translation>
    </message>
    <message>
        <source>Subscribing may create the topic.</source>
        <translation>订阅时允许自动创建主题。</translation>
    </message>
    <message>
        <source>Timeout of blocking consumer calls.</source>
        <translation>消费者阻塞调用的超时时间。</translation>
    </message>
    <message>
        <source>Copies of each partition (set with kafka-topics --replication-factor; not a dynamic config).</source>
        <translation>每个分区的副本数（通过 kafka-topics --replication-factor 设置；不是动态配置）。</translation>
    </message>
    <message>
        <source>Replicas that must have a write before an acks=all produce succeeds.</source>
        <translation>acks=all 的写入成功前，必须已写入该消息的最少副本数。</translation>
    </message>
    <message>
        <source>Let an out-of-sync replica become leader, losing the records it lacks.</source>
        <translation>允许不在同步副本集合（ISR）中的副本成为 Leader，其缺少的消息将丢失。</translation>
    </message>
    <message>
        <source>delete, compact, or both.</source>
        <translation>delete（删除）、compact（压实）或两者兼有。</translation>
    </message>
    <message>
        <source>Keep records this long (-1: forever).</source>
        <translation>消息的保留时间（-1：永久保留）。</translation>
    </message>
    <message>
        <source>Keep at most this much per partition (-1: no limit).</source>
        <translation>每个分区最多保留的数据量（-1：不限制）。</translation>
    </message>
    <message>
        <source>Size of a log segment file.</source>
        <translation>日志段（segment）文件的大小。</translation>
    </message>
    <message>
        <source>Roll a segment after this long.</source>
        <translation>超过此时间后滚动生成新的日志段。</translation>
    </message>
    <message>
        <source>Largest record batch the topic accepts.</source>
        <translation>主题接受的最大消息批次大小。</translation>
    </message>
    <message>
        <source>Compression of stored batches.</source>
        <translation>存储批次时使用的压缩方式。</translation>
    </message>
    <message>
        <source>Which time is stored with a record.</source>
        <translation>随消息存储的时间戳类型。</translation>
    </message>
    <message>
        <source>Records stay uncompacted at least this long.</source>
        <translation>消息至少保持此时间不被压实。</translation>
    </message>
    <message>
        <source>Records are compacted at most this late.</source>
        <translation>消息最迟在此时间内被压实。</translation>
    </message>
    <message>
        <source>Keep delete tombstones this long.</source>
        <translation>删除墓碑（tombstone）消息的保留时间。</translation>
    </message>
    <message>
        <source>Share of the log that must be dirty before cleaning.</source>
        <translation>日志中未压实（脏）部分达到此比例后才开始清理。</translation>
    </message>
    <message>
        <source>Force fsync after this many records.</source>
        <translation>每写入这么多条消息后强制 fsync 刷盘。</translation>
    </message>
    <message>
        <source>Force fsync after this long.</source>
        <translation>超过此时间后强制 fsync 刷盘。</translation>
    </message>
    <message>
        <source>Offset index granularity.</source>
        <translation>位点索引的粒度。</translation>
    </message>
    <message>
        <source>Delay before deleting a file from disk.</source>
        <translation>从磁盘删除文件前的延迟。</translation>
    </message>
    <message>
        <source>Preallocate segment files.</source>
        <translation>预分配日志段文件。</translation>
    </message>
    <message>
        <source>Local retention with tiered storage.</source>
        <translation>启用分层存储时本地数据的保留时间。</translation>
    </message>
    <message>
        <source>Tiered storage for the topic.</source>
        <translation>为该主题启用分层存储。</translation>
    </message>
    <message>
        <source>Down-convert for old consumers.</source>
        <translation>为旧版消费者做消息格式向下转换。</translation>
    </message>
    <message>
        <source>Maximum heap.</source>
        <translation>最大堆内存。</translation>
    </message>
    <message>
        <source>Initial heap; equal to -Xmx avoids resizing pauses.</source>
        <translation>初始堆内存；与 -Xmx 相等可避免堆大小调整带来的停顿。</translation>
    </message>
    <message>
        <source>Fixed young generation size (fights G1&apos;s pause-time goal).</source>
        <translation>固定新生代大小（会妨碍 G1 实现停顿时间目标）。</translation>
    </message>
    <message>
        <source>Thread stack size.</source>
        <translation>线程栈大小。</translation>
    </message>
    <message>
        <source>Initial young generation size.</source>
        <translation>新生代初始大小。</translation>
    </message>
    <message>
        <source>Maximum young generation size.</source>
        <translation>新生代最大大小。</translation>
    </message>
    <message>
        <source>Metaspace size that triggers the first collection.</source>
        <translation>触发首次回收的元空间大小。</translation>
    </message>
    <message>
        <source>Upper bound on metaspace.</source>
        <translation>元空间大小上限。</translation>
    </message>
    <message>
        <source>Upper bound on direct (off-heap) buffers.</source>
        <translation>直接内存（堆外）缓冲区的上限。</translation>
    </message>
    <message>
        <source>Garbage-First collector (Kafka&apos;s default).</source>
        <translation>G1（Garbage-First）垃圾回收器（Kafka 默认）。</translation>
    </message>
    <message>
        <source>Z collector (JDK 17+ for production).</source>
        <translation>ZGC 垃圾回收器（生产环境需 JDK 17 及以上）。</translation>
    </message>
    <message>
        <source>Throughput collector with long stop-the-world pauses.</source>
        <translation>吞吐量优先的回收器，Stop-the-World 停顿较长。</translation>
    </message>
    <message>
        <source>Single-threaded collector.</source>
        <translation>单线程垃圾回收器。</translation>
    </message>
    <message>
        <source>CMS collector, removed in JDK 14.</source>
        <translation>CMS 回收器，已在 JDK 14 中移除。</translation>
    </message>
    <message>
        <source>G1 pause-time goal.</source>
        <translation>G1 的停顿时间目标。</translation>
    </message>
    <message>
        <source>G1 region size: a power of two from 1 to 32 MB.</source>
        <translation>G1 Region 大小：1 到 32 MB 之间的 2 的幂。</translation>
    </message>
    <message>
        <source>Heap occupancy that starts a concurrent cycle.</source>
        <translation>启动并发标记周期的堆占用率。</translation>
    </message>
    <message>
        <source>Heap kept free as to-space reserve.</source>
        <translation>作为 to-space 预留而保持空闲的堆比例。</translation>
    </message>
    <message>
        <source>Stop-the-world GC threads.</source>
        <translation>Stop-the-World 阶段的 GC 线程数。</translation>
    </message>
    <message>
        <source>Concurrent GC threads.</source>
        <translation>并发 GC 线程数。</translation>
    </message>
    <message>
        <source>System.gc() starts a concurrent cycle.</source>
        <translation>System.gc() 触发并发回收周期（而非 Full GC）。</translation>
    </message>
    <message>
        <source>Ignore System.gc() (breaks direct buffer reclaim).</source>
        <translation>忽略 System.gc()（会妨碍直接内存缓冲区的回收）。</translation>
    </message>
    <message>
        <source>JIT inlining depth.</source>
        <translation>JIT 内联深度。</translation>
    </message>
    <message>
        <source>Touch every heap page at start-up.</source>
        <translation>启动时预先访问（预触）所有堆内存页。</translation>
    </message>
    <message>
        <source>Write a heap dump on OutOfMemoryError.</source>
        <translation>发生 OutOfMemoryError 时生成堆转储。</translation>
    </message>
    <message>
        <source>Where heap dumps go.</source>
        <translation>堆转储文件的存放路径。</translation>
    </message>
    <message>
        <source>Exit the JVM on OutOfMemoryError.</source>
        <translation>发生 OutOfMemoryError 时退出 JVM。</translation>
    </message>
    <message>
        <source>G1 string deduplication.</source>
        <translation>G1 字符串去重。</translation>
    </message>
    <message>
        <source>No display.</source>
        <translation>无图形显示（headless 模式）。</translation>
    </message>
    <message>
        <source>Server VM (a no-op on 64-bit JVMs).</source>
        <translation>Server 模式虚拟机（在 64 位 JVM 上无作用）。</translation>
    </message>
    <message>
        <source>%1 is below the minimum %2</source>
        <translation>%1 小于最小值 %2</translation>
    </message>
    <message>
        <source>%1 is above the maximum %2</source>
        <translation>%1 大于最大值 %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a whole number</source>
        <translation>&apos;%1&apos; 不是整数</translation>
    </message>
    <message>
        <source>%1 does not fit a Java int</source>
        <translation>%1 超出 Java int 的范围</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; 不是数字</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not true or false</source>
        <translation>&apos;%1&apos; 不是 true 或 false</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not one of %2</source>
        <translation>&apos;%1&apos; 不是 %2 之一</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a size such as 512M or 16G</source>
        <translation>&apos;%1&apos; 不是形如 512M 或 16G 的大小</translation>
    </message>
    <message>
        <source>Unit: %1.</source>
        <translation>单位：%1。</translation>
    </message>
    <message>
        <source>Range: %1 to %2.</source>
        <translation>范围：%1 至 %2。</translation>
    </message>
    <message>
        <source>Values: %1.</source>
        <translation>可选值：%1。</translation>
    </message>
    <message>
        <source>Default: %1.</source>
        <translation>默认值：%1。</translation>
    </message>
</context>
<context>
    <name>kops::ConnectionDialog</name>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>A client.properties file (Kafka&apos;s --command-config) or a librdkafka/kcat -F file</source>
        <translation>client.properties 文件（Kafka 的 --command-config）或 librdkafka/kcat -F 文件</translation>
    </message>
    <message>
        <source>stored in the system keychain, never in the profile file</source>
        <translation>保存在系统密钥环中，绝不写入配置文件</translation>
    </message>
    <message>
        <source>Remember in the system keychain</source>
        <translation>记住在系统密钥环中</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>客户端私钥</translation>
    </message>
    <message>
        <source>librdkafka properties, one key=value per line</source>
        <translation>librdkafka 属性，每行一个 key=value</translation>
    </message>
    <message>
        <source>Read-only: never write offsets, records or topics</source>
        <translation>只读：绝不写入位点、消息或主题</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Bootstrap servers</source>
        <translation>Bootstrap 服务器</translation>
    </message>
    <message>
        <source>Security protocol</source>
        <translation>安全协议</translation>
    </message>
    <message>
        <source>SASL mechanism</source>
        <translation>SASL 机制</translation>
    </message>
    <message>
        <source>SASL user name</source>
        <translation>SASL 用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Extra properties</source>
        <translation>额外属性</translation>
    </message>
    <message>
        <source>Sampling interval</source>
        <translation>采样间隔</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Import connection</source>
        <translation>导入连接</translation>
    </message>
    <message>
        <source>Client properties (*.properties *.conf *.cfg);;All files (*)</source>
        <translation>客户端属性 (*.properties *.conf *.cfg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported from %1. Review, test and save.</source>
        <translation>已从 %1 导入。请检查、测试后保存。</translation>
    </message>
    <message>
        <source>Ignored (no librdkafka equivalent): %1.</source>
        <translation>已忽略（没有对应的 librdkafka 属性）：%1。</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Delete the connection &apos;%1&apos;?</source>
        <translation>删除连接 &apos;%1&apos;？</translation>
    </message>
    <message>
        <source>Extra property &apos;%1&apos; is not key=value.</source>
        <translation>额外属性 &apos;%1&apos; 不是 key=value 格式。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected in %1 ms: cluster %2, %3 broker(s), %4 topic(s).</source>
        <translation>%1 毫秒内连接成功：集群 %2，%3 个 Broker，%4 个主题。</translation>
    </message>
    <message>
        <source>(no id)</source>
        <translation>（无 ID）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Saved. No system keychain is available (%1): the password will be asked for at each connection.</source>
        <translation>已保存。没有可用的系统密钥环（%1）：每次连接时都会询问密码。</translation>
    </message>
    <message>
        <source>Saved; the password is in the system keychain.</source>
        <translation>已保存；密码保存在系统密钥环中。</translation>
    </message>
</context>
<context>
    <name>kops::ConsumersPage</name>
    <message>
        <source>Filter groups…</source>
        <translation>过滤消费者组…</translation>
    </message>
    <message>
        <source>Only groups not OK</source>
        <translation>只显示不正常的消费者组</translation>
    </message>
    <message>
        <source>Thresholds &amp;&amp; alerts…</source>
        <translation>阈值与告警…</translation>
    </message>
    <message>
        <source>Select a consumer group to see its lag over time and its partitions.</source>
        <translation>选择一个消费者组，查看其积压趋势和各分区情况。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>Lag could not be sampled: %1</source>
        <translation>无法采样积压：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个消费者组</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not OK</source>
        <translation>
            <numerusform>，%n 个不正常</numerusform>
        </translation>
    </message>
    <message>
        <source> · sampling failed %1 · last sampled %2</source>
        <translation> · 采样失败于 %1 · 最近采样于 %2</translation>
    </message>
    <message>
        <source> · sampling failed %1</source>
        <translation> · 采样失败于 %1</translation>
    </message>
    <message>
        <source> · sampled %1</source>
        <translation> · 采样于 %1</translation>
    </message>
    <message>
        <source> · offsets from %1</source>
        <translation> · 位点来自 %1</translation>
    </message>
    <message>
        <source> The values shown are greyed out: they were read at %1 (%2 before this failure).</source>
        <translation> 显示的数值已置灰：它们读取于 %1（本次失败前 %2）。</translation>
    </message>
    <message>
        <source>Lag sampling failed at %1: %2%3 Retrying at every interval.</source>
        <translation>积压采样于 %1 失败：%2%3 每个间隔都会重试。</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>消费者</translation>
    </message>
</context>
<context>
    <name>kops::DeadLetterDetail</name>
    <message>
        <source>Header</source>
        <translation>消息头</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>消息头</translation>
    </message>
    <message>
        <source>Dead letter</source>
        <translation>死信</translation>
    </message>
    <message>
        <source>No dead-letter headers recognised.</source>
        <translation>未识别出死信消息头。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Format:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Original:&lt;/b&gt; %2 / %3 / %4&lt;br&gt;&lt;b&gt;Error:&lt;/b&gt; %5&lt;br&gt;%6</source>
        <translation>&lt;b&gt;格式：&lt;/b&gt;%1&lt;br&gt;&lt;b&gt;原始位置：&lt;/b&gt;%2 / %3 / %4&lt;br&gt;&lt;b&gt;错误：&lt;/b&gt;%5&lt;br&gt;%6</translation>
    </message>
</context>
<context>
    <name>kops::DeadLetterModel</name>
    <message>
        <source>(null)</source>
        <translation>（null）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(binary, %1 B)</source>
        <translation>（二进制，%1 B）</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>位点</translation>
    </message>
    <message>
        <source>Timestamp (UTC)</source>
        <translation>时间戳 (UTC)</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Original topic</source>
        <translation>原始主题</translation>
    </message>
    <message>
        <source>Orig. partition</source>
        <translation>原始分区</translation>
    </message>
    <message>
        <source>Orig. offset</source>
        <translation>原始位点</translation>
    </message>
    <message>
        <source>Error class</source>
        <translation>错误类别</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>错误信息</translation>
    </message>
</context>
<context>
    <name>kops::DeadLetters</name>
    <message>
        <source>Header rule &apos;%1&apos;: use FIELD=HEADER with FIELD one of topic, partition, offset, timestamp, error-class, error-message</source>
        <translation>消息头规则 &apos;%1&apos;：请使用 FIELD=HEADER，FIELD 为 topic、partition、offset、timestamp、error-class、error-message 之一</translation>
    </message>
    <message>
        <source>… (%1 bytes)</source>
        <translation>…（%1 字节）</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not valid base64</source>
        <translation>&apos;%1&apos; 不是有效的 base64</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a string or null</source>
        <translation>&apos;%1&apos; 必须是字符串或 null</translation>
    </message>
    <message>
        <source>&apos;headers&apos; must be an array</source>
        <translation>&apos;headers&apos; 必须是数组</translation>
    </message>
    <message>
        <source>a header has no &apos;key&apos;</source>
        <translation>有一个消息头缺少 &apos;key&apos;</translation>
    </message>
    <message>
        <source>Topic &apos;%1&apos; does not exist.</source>
        <translation>主题 &apos;%1&apos; 不存在。</translation>
    </message>
    <message>
        <source>Topic &apos;%1&apos; has no partition %2.</source>
        <translation>主题 &apos;%1&apos; 没有分区 %2。</translation>
    </message>
    <message>
        <source>Partition %1: %2</source>
        <translation>分区 %1：%2</translation>
    </message>
    <message>
        <source>Reading %1/%2: %3</source>
        <translation>读取 %1/%2：%3</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>读取 %1</translation>
    </message>
    <message>
        <source>Reading %1/%2</source>
        <translation>读取 %1/%2</translation>
    </message>
    <message>
        <source>The %1 expression &apos;%2&apos; is not valid: %3</source>
        <translation>%1 表达式 &apos;%2&apos; 无效：%3</translation>
    </message>
    <message>
        <source>Target topic &apos;%1&apos; cannot be used (%2).</source>
        <translation>目标主题 &apos;%1&apos; 无法使用（%2）。</translation>
    </message>
    <message>
        <source>Created %1, but the cluster does not list it yet.</source>
        <translation>已创建 %1，但集群尚未列出它。</translation>
    </message>
    <message>
        <source>No target topic given.</source>
        <translation>未指定目标主题。</translation>
    </message>
    <message>
        <source>Target topic &apos;%1&apos; does not exist: nothing was requeued.</source>
        <translation>目标主题 &apos;%1&apos; 不存在：没有重投任何消息。</translation>
    </message>
    <message>
        <source>Requeue %1 is already complete; nothing to resume.</source>
        <translation>重投 %1 已经完成；无需继续。</translation>
    </message>
    <message>
        <source>Target topic &apos;%1&apos; does not exist.</source>
        <translation>目标主题 &apos;%1&apos; 不存在。</translation>
    </message>
    <message>
        <source>Cannot read the end of %1/%2: %3</source>
        <translation>无法读取 %1/%2 的末尾：%3</translation>
    </message>
    <message>
        <source>Target %1/%2 no longer holds offsets %3 to %4 (its log now starts at %4; the requeue started writing at %5), so the records requeued there cannot be verified and sending them again could duplicate them. Nothing more was sent; check the target, then start a new requeue of what is missing.</source>
        <translation>目标 %1/%2 已不再包含位点 %3 到 %4（其日志现在从 %4 开始；重投从 %5 开始写入），因此无法核对已重投到那里的消息，再次发送可能造成重复。没有再发送任何消息；请检查目标主题，然后为缺失的部分发起新的重投。</translation>
    </message>
    <message>
        <source>No original topic in the dead-letter headers.</source>
        <translation>死信消息头中没有原始主题。</translation>
    </message>
    <message>
        <source>Original partition %1 does not exist in &apos;%2&apos;.</source>
        <translation>原始分区 %1 在 &apos;%2&apos; 中不存在。</translation>
    </message>
    <message>
        <source>No original partition in the dead-letter headers.</source>
        <translation>死信消息头中没有原始分区。</translation>
    </message>
    <message>
        <source>Gave up after %1 attempts: %2</source>
        <translation>尝试 %1 次后放弃：%2</translation>
    </message>
    <message>
        <source>Reading %1: %2</source>
        <translation>读取 %1：%2</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该消息已不存在。</translation>
    </message>
    <message>
        <source>Requeue journal: %1: %2</source>
        <translation>重投日志：%1：%2</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>cannot prepare</source>
        <translation>无法准备</translation>
    </message>
    <message>
        <source>cannot record the requeue</source>
        <translation>无法记录本次重投</translation>
    </message>
    <message>
        <source>cannot read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>There is no requeue with journal id %1.</source>
        <translation>没有日志 ID 为 %1 的重投。</translation>
    </message>
    <message>
        <source>cannot update</source>
        <translation>无法更新</translation>
    </message>
    <message>
        <source>cannot read marks</source>
        <translation>无法读取标记</translation>
    </message>
    <message>
        <source>cannot record marks</source>
        <translation>无法记录标记</translation>
    </message>
    <message>
        <source>cannot read deliveries</source>
        <translation>无法读取投递记录</translation>
    </message>
    <message>
        <source>cannot record deliveries</source>
        <translation>无法记录投递记录</translation>
    </message>
    <message>
        <source>cannot count deliveries</source>
        <translation>无法统计投递记录</translation>
    </message>
</context>
<context>
    <name>kops::DeadLettersPage</name>
    <message>
        <source>Regular expressions</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Scan to end</source>
        <translation>扫描到末尾</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Requeue selected…</source>
        <translation>重投选中的消息…</translation>
    </message>
    <message>
        <source>Requeue all matching…</source>
        <translation>重投全部匹配的消息…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Resume selected requeue…</source>
        <translation>继续选中的重投…</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>最早</translation>
    </message>
    <message>
        <source>Newest N</source>
        <translation>最新 N 条</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>位点</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>N, offset or 2024-05-01T12:00:00</source>
        <translation>N、位点或 2024-05-01T12:00:00</translation>
    </message>
    <message>
        <source>key contains</source>
        <translation>键包含</translation>
    </message>
    <message>
        <source>value contains</source>
        <translation>值包含</translation>
    </message>
    <message>
        <source>header NAME=VALUE</source>
        <translation>消息头 NAME=VALUE</translation>
    </message>
    <message>
        <source>error class</source>
        <translation>错误类别</translation>
    </message>
    <message>
        <source>original topic</source>
        <translation>原始主题</translation>
    </message>
    <message>
        <source>in-house headers: topic=NAME,partition=NAME,error-class=NAME</source>
        <translation>自定义消息头：topic=NAME,partition=NAME,error-class=NAME</translation>
    </message>
    <message>
        <source>Fields: topic, partition, offset, timestamp, error-class, error-message</source>
        <translation>字段：topic、partition、offset、timestamp、error-class、error-message</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>from time (UTC)</source>
        <translation>起始时间 (UTC)</translation>
    </message>
    <message>
        <source>until time (UTC)</source>
        <translation>截止时间 (UTC)</translation>
    </message>
    <message>
        <source>Only records with a timestamp in this range: 2024-05-01T12:00:00 (UTC), a zone such as +02:00, or epoch milliseconds</source>
        <translation>只显示时间戳在此范围内的消息：2024-05-01T12:00:00 (UTC)、带时区如 +02:00，或纪元毫秒数</translation>
    </message>
    <message>
        <source>Not connected: connect to a cluster to browse its topics.</source>
        <translation>未连接：连接到集群后才能浏览其主题。</translation>
    </message>
    <message>
        <source>Error class</source>
        <translation>错误类别</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配数</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>请求数</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Error classes</source>
        <translation>错误类别</translation>
    </message>
    <message>
        <source>Requeue journal</source>
        <translation>重投日志</translation>
    </message>
    <message>
        <source>Export selected records</source>
        <translation>导出选中的消息</translation>
    </message>
    <message>
        <source>Export matching records</source>
        <translation>导出匹配的消息</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Choose a topic and press Load.</source>
        <translation>选择一个主题并点击“加载”。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number of records or an offset.</source>
        <translation>&apos;%1&apos; 不是消息条数或位点。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time: use 2024-05-01T12:00:00 (UTC), a zone such as +02:00, or epoch milliseconds.</source>
        <translation>&apos;%1&apos; 不是时间：请使用 2024-05-01T12:00:00 (UTC)、带时区如 +02:00，或纪元毫秒数。</translation>
    </message>
    <message>
        <source>Choose a topic to browse.</source>
        <translation>请选择要浏览的主题。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 of %2 scanned match, %3 records/s</source>
        <translation>已扫描 %2 条，匹配 %1 条，%3 条/秒</translation>
    </message>
    <message>
        <source> (%1% of the selection)</source>
        <translation>（占所选范围的 %1%）</translation>
    </message>
    <message>
        <source>; showing the latest %1 rows</source>
        <translation>；显示最新的 %1 行</translation>
    </message>
    <message>
        <source> — reading…</source>
        <translation> — 读取中…</translation>
    </message>
    <message>
        <source> — cancelled</source>
        <translation> — 已取消</translation>
    </message>
    <message>
        <source> — end of selection</source>
        <translation> — 已到所选范围末尾</translation>
    </message>
    <message>
        <source>The connection is read-only.</source>
        <translation>该连接为只读。</translation>
    </message>
    <message>
        <source>Export written.</source>
        <translation>导出已写入。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>死信队列</translation>
    </message>
</context>
<context>
    <name>kops::DelayPanel</name>
    <message>
        <source>Create tiers…</source>
        <translation>创建分级…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Queue prefix:</source>
        <translation>队列前缀：</translation>
    </message>
    <message>
        <source>Tiers:</source>
        <translation>分级：</translation>
    </message>
    <message>
        <source>Partitions:</source>
        <translation>分区数：</translation>
    </message>
    <message>
        <source>Send a delayed record</source>
        <translation>发送延迟消息</translation>
    </message>
    <message>
        <source>the topic to deliver to</source>
        <translation>要投递到的主题</translation>
    </message>
    <message>
        <source>500ms, 90s, 2m, 1h30m, 2d</source>
        <translation>500ms、90s、2m、1h30m、2d</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>To topic:</source>
        <translation>目标主题：</translation>
    </message>
    <message>
        <source>Delay:</source>
        <translation>延迟：</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>键：</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <source>Router</source>
        <translation>路由器</translation>
    </message>
    <message>
        <source>Start router</source>
        <translation>启动路由器</translation>
    </message>
    <message>
        <source>The router forwards due records to their topic, exactly once.</source>
        <translation>路由器把到期消息转发到其目标主题，且仅一次。</translation>
    </message>
    <message>
        <source>lateness (ms)</source>
        <translation>延迟偏差（毫秒）</translation>
    </message>
    <message>
        <source>forwarded/s</source>
        <translation>转发/秒</translation>
    </message>
    <message>
        <source>Start the router to see lateness and forwarded records per second.</source>
        <translation>启动路由器后可查看延迟偏差和每秒转发数。</translation>
    </message>
    <message>
        <source>lateness p50</source>
        <translation>延迟偏差 p50</translation>
    </message>
    <message>
        <source>lateness p99</source>
        <translation>延迟偏差 p99</translation>
    </message>
    <message>
        <source>This connection is read-only: tiers can be watched but not created, fed or routed.</source>
        <translation>该连接为只读：可以查看分级，但不能创建、写入或路由。</translation>
    </message>
    <message>
        <source>A delay queue needs a prefix.</source>
        <translation>延迟队列需要一个前缀。</translation>
    </message>
    <message>
        <source>Create tier topics</source>
        <translation>创建分级主题</translation>
    </message>
    <message>
        <source>Create the missing tier topics of &apos;%1&apos; with %2 partitions each:
%3</source>
        <translation>为“%1”创建缺少的分级主题，每个 %2 个分区：
%3</translation>
    </message>
    <message>
        <source>Tier topics created.</source>
        <translation>分级主题已创建。</translation>
    </message>
    <message>
        <source>Sent into %1, due %2.</source>
        <translation>已发送到 %1，%2 到期。</translation>
    </message>
    <message>
        <source>Starting the router…</source>
        <translation>正在启动路由器…</translation>
    </message>
    <message>
        <source>The router stopped: %1</source>
        <translation>路由器已停止：%1</translation>
    </message>
    <message>
        <source>Router stopped after forwarding %1 records.</source>
        <translation>路由器已停止，共转发 %1 条消息。</translation>
    </message>
    <message>
        <source>Running: %1 forwarded in all, %2/s now, lateness p50 %3 ms, p99 %4 ms; %5 re-tiered.</source>
        <translation>运行中：共转发 %1 条，当前每秒 %2 条，延迟偏差 p50 %3 毫秒、p99 %4 毫秒；%5 条重新分级。</translation>
    </message>
    <message>
        <source>Stop router</source>
        <translation>停止路由器</translation>
    </message>
    <message>
        <source>Router runs (journal)</source>
        <translation>路由器运行记录（日志）</translation>
    </message>
</context>
<context>
    <name>kops::DelayTiersModel</name>
    <message>
        <source>%1 (in %2)</source>
        <translation>%1（%2 后）</translation>
    </message>
    <message>
        <source>%1 (due)</source>
        <translation>%1（已到期）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区数</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>积压</translation>
    </message>
    <message>
        <source>Oldest due</source>
        <translation>最早到期</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
</context>
<context>
    <name>kops::Demo</name>
    <message>
        <source>The topic or partition does not exist.</source>
        <translation>主题或分区不存在。</translation>
    </message>
    <message>
        <source>The demo cluster cannot delete topics.</source>
        <translation>演示集群无法删除主题。</translation>
    </message>
</context>
<context>
    <name>kops::DemoProfiles</name>
    <message>
        <source>The order service&apos;s producer, configured before idempotence was the default: acks=1 and bounded retries lose records when a leader fails; five requests in flight reorder them.</source>
        <translation>订单服务的生产者，配置于幂等成为默认之前：acks=1 加上有限的重试，在分区 Leader 故障时会丢消息；5 个在途请求会打乱消息顺序。</translation>
    </message>
    <message>
        <source>The payment service&apos;s producer: right on its own. Check it against the live &apos;payments&apos; topic to see what the topic&apos;s min.insync.replicas does to acks=all.</source>
        <translation>支付服务的生产者：单看配置没有问题。对照实时的 &apos;payments&apos; 主题检查，看看该主题的 min.insync.replicas 对 acks=all 意味着什么。</translation>
    </message>
    <message>
        <source>The consumer that falls behind on &apos;orders&apos;: auto-commit marks records done before they are processed, and offset reset latest skips a backlog after an expired commit.</source>
        <translation>在 &apos;orders&apos; 上跟不上进度的消费者：自动提交会在消息处理之前就标记完成，位点重置为 latest 会在提交过期后跳过积压的消息。</translation>
    </message>
    <message>
        <source>The consumer that keeps up: commits after processing, reads committed transactions only.</source>
        <translation>跟得上进度的消费者：处理完成后再提交位点，只读取已提交的事务消息。</translation>
    </message>
    <message>
        <source>The &apos;payments&apos; topic as it is configured in the demo: one in-sync replica is enough for a write.</source>
        <translation>演示集群中 &apos;payments&apos; 主题的配置：只要一个同步副本即可写入成功。</translation>
    </message>
    <message>
        <source>A broker on a 32 GB host given most of it as heap, which leaves the page cache Kafka reads from too little.</source>
        <translation>32 GB 主机上的 Broker 把大部分内存分给了堆，留给 Kafka 读取所依赖的页缓存太少。</translation>
    </message>
    <message>
        <source>Cannot replace the demo profiles in %1.</source>
        <translation>无法替换 %1 中的演示配置档案。</translation>
    </message>
</context>
<context>
    <name>kops::DrainJournalModel</name>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Ranges</source>
        <translation>位点范围</translation>
    </message>
</context>
<context>
    <name>kops::DrainPanel</name>
    <message>
        <source>Forward a lagging group&apos;s backlog into a topic with more partitions, then run many consumers on it. Records keep their key, value, headers and timestamp; the same key goes to the same partition in order. The group&apos;s offsets are committed in the same Kafka transaction as the records, so nothing is lost or written twice, even if the console is killed.</source>
        <translation>把滞后消费者组的积压转发到分区更多的主题，再在其上运行多个消费者。消息保留键、值、消息头和时间戳；相同的键按顺序进入同一分区。消费者组的位点与消息在同一个 Kafka 事务中提交，因此即使控制台被强行结束，也不会丢失或重复写入。</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>消费者组：</translation>
    </message>
    <message>
        <source>Wider topic:</source>
        <translation>更宽的主题：</translation>
    </message>
    <message>
        <source>Up to the log end seen at start</source>
        <translation>到开始时的日志末端为止</translation>
    </message>
    <message>
        <source>Follow: keep relaying until stopped</source>
        <translation>跟随：持续转发直到停止</translation>
    </message>
    <message>
        <source>Drain within:</source>
        <translation>排空时限：</translation>
    </message>
    <message>
        <source>Partitions:</source>
        <translation>分区数：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Stop consumers of this group (demo)</source>
        <translation>停止该消费者组的消费者（演示）</translation>
    </message>
    <message>
        <source>Recent drains (journal)</source>
        <translation>最近的排空（日志）</translation>
    </message>
    <message>
        <source>Start drain…</source>
        <translation>开始排空…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>This connection is read-only: drains can be planned but not started.</source>
        <translation>该连接为只读：可以制定排空计划，但不能开始。</translation>
    </message>
    <message>
        <source>Reading the group&apos;s offsets, the log ends and the lag history…</source>
        <translation>正在读取消费者组位点、日志末端和积压历史…</translation>
    </message>
    <message>
        <source>No consume rate in the lag history: one consumer is assumed to manage %1 records/s.</source>
        <translation>积压历史中没有消费速率：假定每个消费者每秒处理 %1 条。</translation>
    </message>
    <message>
        <source>One consumer managed about %1 records/s.</source>
        <translation>每个消费者约每秒处理 %1 条。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Proposed:&lt;/b&gt; %1 partitions to drain it within %2 (one consumer per partition; about %3).</source>
        <translation>&lt;b&gt;建议：&lt;/b&gt;%1 个分区，可在 %2 内排空（每个分区一个消费者；约 %3）。</translation>
    </message>
    <message>
        <source>%1 exists with %2 partitions and is used as it is.</source>
        <translation>%1 已存在，有 %2 个分区，将直接使用。</translation>
    </message>
    <message>
        <source>%1 does not exist: it will be created with the partitions above.</source>
        <translation>%1 不存在：将按上面的分区数创建。</translation>
    </message>
    <message>
        <source>Drain the backlog of group %1 on %2 (%3 records) into the existing topic %4 (%5 partitions).</source>
        <translation>把消费者组 %1 在 %2 上的积压（%3 条消息）排空到已有主题 %4（%5 个分区）。</translation>
    </message>
    <message>
        <source>Create topic %4 with %5 partitions and drain the backlog of group %1 on %2 (%3 records) into it.</source>
        <translation>创建有 %5 个分区的主题 %4，并把消费者组 %1 在 %2 上的积压（%3 条消息）排空到其中。</translation>
    </message>
    <message>
        <source>The group&apos;s committed offsets move forward with every transaction: its consumers must stay stopped. Run the consumers on %1 with a new group (e.g. %2) afterwards.</source>
        <translation>每个事务都会推进该消费者组已提交的位点：其消费者必须保持停止。之后请用新的消费者组（例如 %2）在 %1 上运行消费者。</translation>
    </message>
    <message>
        <source>Follow mode: records arriving on %1 are relayed until you press Stop.</source>
        <translation>跟随模式：%1 上新到的消息会一直转发，直到点击“停止”。</translation>
    </message>
    <message>
        <source>Start drain</source>
        <translation>开始排空</translation>
    </message>
    <message>
        <source>Starting the drain…</source>
        <translation>正在开始排空…</translation>
    </message>
    <message>
        <source>Drain failed: %1</source>
        <translation>排空失败：%1</translation>
    </message>
    <message>
        <source>%1 %2 records into %3 (%4 records/s). Next: run the consumers on %3 with a new group, e.g. %5, reading with isolation.level=read_committed.</source>
        <translation>%1 %2 条消息到 %3（每秒 %4 条）。下一步：用新的消费者组（例如 %5）在 %3 上运行消费者，并设置 isolation.level=read_committed。</translation>
    </message>
    <message>
        <source>Stopped after draining</source>
        <translation>已停止，已排空</translation>
    </message>
    <message>
        <source>Drained</source>
        <translation>已排空</translation>
    </message>
    <message>
        <source>Drain of %1 finished.</source>
        <translation>%1 的排空已完成。</translation>
    </message>
    <message>
        <source>Drained %1 records, %2 left, %3 records/s, ETA %4.</source>
        <translation>已排空 %1 条，剩余 %2 条，每秒 %3 条，预计还需 %4。</translation>
    </message>
    <message>
        <source>Following: drained %1 records, %2 records/s.</source>
        <translation>跟随中：已排空 %1 条，每秒 %2 条。</translation>
    </message>
    <message>
        <source>The connection is read-only.</source>
        <translation>该连接为只读。</translation>
    </message>
    <message>
        <source>The group has active members: stop its consumers first.</source>
        <translation>该消费者组有活跃成员：请先停止其消费者。</translation>
    </message>
    <message>
        <source>Tick the group&apos;s topics to drain in one run; each keeps its order per key.</source>
        <translation>勾选该消费者组中要在一次运行中排空的主题；每个主题都按键保持顺序。</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backlog:&lt;/b&gt; %1 records on %2 partitions of %3. &lt;b&gt;Consumed:&lt;/b&gt; %4 records/s (lag history).</source>
        <translation>&lt;b&gt;积压：&lt;/b&gt;%3 的 %2 个分区上共 %1 条消息。&lt;b&gt;消费速率：&lt;/b&gt;每秒 %4 条（积压历史）。</translation>
    </message>
</context>
<context>
    <name>kops::DrainPartitionsModel</name>
    <message>
        <source>none (from the log start)</source>
        <translation>无（从日志起点开始）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Log end</source>
        <translation>日志末端</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>积压</translation>
    </message>
    <message>
        <source>Consumed/s</source>
        <translation>消费/s</translation>
    </message>
</context>
<context>
    <name>kops::FieldSource</name>
    <message>
        <source>&apos;header:&apos; needs a header name, e.g. header:event-id.</source>
        <translation>&apos;header:&apos; 后需要消息头名称，例如 header:event-id。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is neither json:$.path nor header:NAME.</source>
        <translation>&apos;%1&apos; 既不是 json:$.path 也不是 header:NAME 格式。</translation>
    </message>
    <message>
        <source>Empty field name in &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 中的字段名为空。</translation>
    </message>
    <message>
        <source>Bad array index in &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 中的数组下标无效。</translation>
    </message>
    <message>
        <source>A JSON path starts with $. as in json:$.orderId (not &apos;%1&apos;).</source>
        <translation>JSON 路径以 $. 开头，如 json:$.orderId（而不是 &apos;%1&apos;）。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names no field.</source>
        <translation>&apos;%1&apos; 未指定任何字段。</translation>
    </message>
</context>
<context>
    <name>kops::GroupDetailPanel</name>
    <message>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 小时</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Total lag</source>
        <translation>总积压</translation>
    </message>
    <message>
        <source>Lag per topic</source>
        <translation>各主题积压</translation>
    </message>
    <message>
        <source>Lag per partition</source>
        <translation>各分区积压</translation>
    </message>
    <message>
        <source>Replay from here…</source>
        <translation>从此处回溯…</translation>
    </message>
    <message>
        <source>Click a time on the chart, then open the replay wizard with that time filled in.</source>
        <translation>在图表上点击一个时间点，然后打开已填入该时间的回溯向导。</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>lag (messages)</source>
        <translation>积压（消息数）</translation>
    </message>
    <message>
        <source>rate (msgs/s)</source>
        <translation>速率（消息/秒）</translation>
    </message>
    <message>
        <source>No history yet: the chart fills as samples arrive.</source>
        <translation>暂无历史数据：图表会随着采样逐渐填充。</translation>
    </message>
    <message>
        <source>Replay from %1…</source>
        <translation>从 %1 回溯…</translation>
    </message>
    <message>
        <source>Select a consumer group to see its lag over time and its partitions.</source>
        <translation>选择一个消费者组，查看其积压趋势和各分区情况。</translation>
    </message>
    <message>
        <source>offset reset</source>
        <translation>位点重置</translation>
    </message>
    <message>
        <source>lag</source>
        <translation>积压</translation>
    </message>
    <message>
        <source>produce rate</source>
        <translation>生产速率</translation>
    </message>
    <message>
        <source>consume rate</source>
        <translation>消费速率</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source> · state %1, %n member(s)</source>
        <translation>
            <numerusform> · 状态 %1，%n 个成员</numerusform>
        </translation>
    </message>
    <message>
        <source> · produce %1/s, consume %2/s · drain %3</source>
        <translation> · 生产 %1/秒，消费 %2/秒 · 消化 %3</translation>
    </message>
    <message>
        <source>Replay from the offsets committed at %1…</source>
        <translation>从 %1 提交的位点开始重放…</translation>
    </message>
    <message>
        <source>sampled since</source>
        <translation>采样开始于</translation>
    </message>
    <message>
        <source>reconstructed from the commit log</source>
        <translation>根据提交日志重建</translation>
    </message>
    <message>
        <source>Reconstructed from the commit log %1.</source>
        <translation>已根据提交日志重建 %1。</translation>
    </message>
    <message>
        <source>Then: %1 since %2 (%3).</source>
        <translation>当时：自 %2 起为 %1（%3）。</translation>
    </message>
    <message>
        <source>The past could not be reconstructed: %1</source>
        <translation>无法重建过去的积压：%1</translation>
    </message>
</context>
<context>
    <name>kops::GroupsModel</name>
    <message>
        <source>simple</source>
        <translation>simple</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>kops::Health</name>
    <message>
        <source>committed offset moved back from %1 to %2 %3 ago</source>
        <translation>已提交位点从 %1 回退到 %2，发生在 %3 前</translation>
    </message>
    <message>
        <source>committed offset %1 is beyond the log end %2 (log truncated)</source>
        <translation>已提交位点 %1 超出日志末尾 %2（日志被截断）</translation>
    </message>
    <message>
        <source>caught up</source>
        <translation>已追上</translation>
    </message>
    <message>
        <source>lag %1</source>
        <translation>积压 %1</translation>
    </message>
    <message>
        <source>lag %1 (evaluating: %2 of %3 samples)</source>
        <translation>积压 %1（评估中：%3 个样本中的 %2 个）</translation>
    </message>
    <message>
        <source>offset %1 unchanged for %2, lag %3</source>
        <translation>位点 %1 已 %2 未变化，积压 %3</translation>
    </message>
    <message>
        <source>an active member</source>
        <translation>一个活跃成员</translation>
    </message>
    <message>
        <source>%1: commits keep arriving with the same offset (%2 commits of it, last %3 ago)%4</source>
        <translation>%1：提交持续到达但位点不变（该位点已提交 %2 次，最近一次在 %3 前）%4</translation>
    </message>
    <message>
        <source>, %1 owns the partition</source>
        <translation>，%1 持有该分区</translation>
    </message>
    <message>
        <source>%1, last commit %2 ago: %3 owns the partition but commits nothing</source>
        <translation>%1，最近一次提交在 %2 前：%3 持有该分区却没有提交</translation>
    </message>
    <message>
        <source>%1, last commit %2 ago, no member</source>
        <translation>%1，最近一次提交在 %2 前，没有成员</translation>
    </message>
    <message>
        <source>%1 while %2 owns the partition (commit times unknown: OffsetFetch)</source>
        <translation>%1，而 %2 持有该分区（提交时间未知：OffsetFetch）</translation>
    </message>
    <message>
        <source>%1, no member (commit times unknown: OffsetFetch)</source>
        <translation>%1，没有成员（提交时间未知：OffsetFetch）</translation>
    </message>
    <message>
        <source>lag never decreased over %1 and rose from %2 to %3 while the offset moves</source>
        <translation>积压在 %1 内从未下降，且在位点推进时从 %2 升至 %3</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>no commit</source>
        <translation>无提交</translation>
    </message>
    <message>
        <source>lag %1 above the limit of %2</source>
        <translation>积压 %1 超过上限 %2</translation>
    </message>
    <message>
        <source>time lag %1 above the limit of %2</source>
        <translation>时间积压 %1 超过上限 %2</translation>
    </message>
    <message>
        <source>no partitions</source>
        <translation>无分区</translation>
    </message>
    <message>
        <source> (+%1 more partitions not OK)</source>
        <translation>（另有 %1 个分区不正常）</translation>
    </message>
</context>
<context>
    <name>kops::JvmAdvisorPanel</name>
    <message>
        <source>RAM of the broker host, e.g. 32G or 64 GB.</source>
        <translation>Broker 主机的内存，例如 32G 或 64 GB。</translation>
    </message>
    <message>
        <source> MB/s</source>
        <translation> MB/秒</translation>
    </message>
    <message>
        <source>Data produced into this broker, leaders and followers together.</source>
        <translation>写入此 Broker 的数据量，Leader 与 Follower 合计。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>How far back lagging consumers re-read; that much recent data should stay in the page cache.</source>
        <translation>积压的消费者回读多久以前的数据；这么多近期数据应留在页缓存中。</translation>
    </message>
    <message>
        <source>Host RAM:</source>
        <translation>主机内存：</translation>
    </message>
    <message>
        <source>Write throughput:</source>
        <translation>写入吞吐：</translation>
    </message>
    <message>
        <source>Consumers re-read:</source>
        <translation>消费者回读：</translation>
    </message>
    <message>
        <source>Create JVM profile from this advice</source>
        <translation>根据此建议创建 JVM 配置档案</translation>
    </message>
    <message>
        <source>Enter the host RAM (at least 1 GB), e.g. 32G.</source>
        <translation>请输入主机内存（至少 1 GB），例如 32G。</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9632;&lt;/span&gt; heap %2 &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;&amp;#9632;&lt;/span&gt; page cache %4 &amp;nbsp; &lt;span style=&apos;color:%5&apos;&gt;&amp;#9632;&lt;/span&gt; OS and off-heap %6%7</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;&amp;#9632;&lt;/span&gt; 堆 %2 &amp;nbsp; &lt;span style=&apos;color:%3&apos;&gt;&amp;#9632;&lt;/span&gt; 页缓存 %4 &amp;nbsp; &lt;span style=&apos;color:%5&apos;&gt;&amp;#9632;&lt;/span&gt; 操作系统与堆外 %6%7</translation>
    </message>
    <message>
        <source> &amp;mdash; &lt;b&gt;page cache too small for the re-read window&lt;/b&gt;</source>
        <translation> &amp;mdash; &lt;b&gt;页缓存不足以容纳回读窗口&lt;/b&gt;</translation>
    </message>
    <message>
        <source>From the JVM advisor: %1 MB/s, %2 min re-read.</source>
        <translation>来自 JVM 顾问：%1 MB/秒，回读 %2 分钟。</translation>
    </message>
</context>
<context>
    <name>kops::KafkaError</name>
    <message>
        <source>The broker could not be reached or closed the connection.</source>
        <translation>无法连接 Broker，或 Broker 关闭了连接。</translation>
    </message>
    <message>
        <source>None of the brokers can be reached.</source>
        <translation>所有 Broker 都无法连接。</translation>
    </message>
    <message>
        <source>The cluster did not answer in time.</source>
        <translation>集群没有及时响应。</translation>
    </message>
    <message>
        <source>Authentication failed: check the user name, password and SASL mechanism.</source>
        <translation>认证失败：请检查用户名、密码和 SASL 机制。</translation>
    </message>
    <message>
        <source>The TLS handshake failed: check the CA, certificate and key.</source>
        <translation>TLS 握手失败：请检查 CA、证书和私钥。</translation>
    </message>
    <message>
        <source>The broker host name could not be resolved.</source>
        <translation>无法解析 Broker 主机名。</translation>
    </message>
    <message>
        <source>An argument was rejected by the Kafka client.</source>
        <translation>Kafka 客户端拒绝了一个参数。</translation>
    </message>
    <message>
        <source>The partition does not exist.</source>
        <translation>分区不存在。</translation>
    </message>
    <message>
        <source>The topic does not exist.</source>
        <translation>主题不存在。</translation>
    </message>
    <message>
        <source>The broker does not support this operation.</source>
        <translation>Broker 不支持此操作。</translation>
    </message>
    <message>
        <source>The Kafka client hit a fatal error and will reconnect.</source>
        <translation>Kafka 客户端遇到致命错误，将重新连接。</translation>
    </message>
    <message>
        <source>The topic or partition does not exist.</source>
        <translation>主题或分区不存在。</translation>
    </message>
    <message>
        <source>The partition has no leader right now.</source>
        <translation>该分区当前没有 Leader。</translation>
    </message>
    <message>
        <source>The broker asked is no longer the leader.</source>
        <translation>所询问的 Broker 已不再是 Leader。</translation>
    </message>
    <message>
        <source>The group coordinator moved; try again.</source>
        <translation>组协调器已迁移；请重试。</translation>
    </message>
    <message>
        <source>The group coordinator is not available.</source>
        <translation>组协调器不可用。</translation>
    </message>
    <message>
        <source>The group coordinator is still loading.</source>
        <translation>组协调器仍在加载。</translation>
    </message>
    <message>
        <source>The consumer group does not exist.</source>
        <translation>消费者组不存在。</translation>
    </message>
    <message>
        <source>The consumer group still has active members.</source>
        <translation>消费者组仍有活跃成员。</translation>
    </message>
    <message>
        <source>The group has active members; stop its consumers before changing offsets.</source>
        <translation>消费者组有活跃成员；修改位点前请先停止其消费者。</translation>
    </message>
    <message>
        <source>The group is rebalancing; try again shortly.</source>
        <translation>消费者组正在重平衡；请稍后重试。</translation>
    </message>
    <message>
        <source>Not authorized to access this consumer group.</source>
        <translation>无权访问此消费者组。</translation>
    </message>
    <message>
        <source>Not authorized to access this topic.</source>
        <translation>无权访问此主题。</translation>
    </message>
    <message>
        <source>Not authorized for this cluster operation.</source>
        <translation>无权执行此集群操作。</translation>
    </message>
    <message>
        <source>A topic with this name already exists.</source>
        <translation>同名主题已存在。</translation>
    </message>
    <message>
        <source>The replication factor is larger than the number of brokers.</source>
        <translation>副本因子大于 Broker 数量。</translation>
    </message>
    <message>
        <source>The number of partitions is not valid.</source>
        <translation>分区数无效。</translation>
    </message>
    <message>
        <source>The topic name is not valid.</source>
        <translation>主题名称无效。</translation>
    </message>
    <message>
        <source>A configuration value was rejected by the broker.</source>
        <translation>Broker 拒绝了一个配置值。</translation>
    </message>
    <message>
        <source>The broker&apos;s policy rejected the request.</source>
        <translation>Broker 的策略拒绝了该请求。</translation>
    </message>
    <message>
        <source>The offset is outside the partition&apos;s range.</source>
        <translation>位点超出了分区的范围。</translation>
    </message>
    <message>
        <source>The message is larger than the broker accepts.</source>
        <translation>消息大小超过了 Broker 的上限。</translation>
    </message>
    <message>
        <source>The broker does not offer this SASL mechanism.</source>
        <translation>Broker 不提供此 SASL 机制。</translation>
    </message>
    <message>
        <source>The SASL handshake failed.</source>
        <translation>SASL 握手失败。</translation>
    </message>
    <message>
        <source>Fewer in-sync replicas than min.insync.replicas.</source>
        <translation>同步副本数少于 min.insync.replicas。</translation>
    </message>
    <message>
        <source>The broker timed out handling the request.</source>
        <translation>Broker 处理请求超时。</translation>
    </message>
    <message>
        <source>Kafka reported %1.</source>
        <translation>Kafka 报告 %1。</translation>
    </message>
</context>
<context>
    <name>kops::Lag</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The alert command is empty.</source>
        <translation>告警命令为空。</translation>
    </message>
    <message>
        <source>Cannot start &apos;%1&apos;: %2</source>
        <translation>无法启动 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>%1 cannot be read here</source>
        <translation>此处无法读取 %1</translation>
    </message>
    <message>
        <source>member %1 on %2</source>
        <translation>成员 %1，位于 %2</translation>
    </message>
    <message>
        <source>; %1 messages lost to retention before being read</source>
        <translation>；%1 条消息在被读取前因保留策略而丢失</translation>
    </message>
    <message>
        <source>group not found: no members and no committed offsets</source>
        <translation>未找到消费者组：没有成员，也没有已提交位点</translation>
    </message>
    <message>
        <source>no committed offsets</source>
        <translation>没有已提交位点</translation>
    </message>
    <message>
        <source>no committed offsets (%1 partitions assigned, none committed yet)</source>
        <translation>没有已提交位点（已分配 %1 个分区，尚无提交）</translation>
    </message>
    <message>
        <source>OffsetFetch (commit stream unavailable: %1)</source>
        <translation>OffsetFetch（提交流不可用：%1）</translation>
    </message>
    <message>
        <source>time lag estimated: %1</source>
        <translation>时间积压为估算值：%1</translation>
    </message>
    <message>
        <source>commit stream</source>
        <translation>提交流</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>not draining</source>
        <translation>未在消化</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>growing</source>
        <translation>增长中</translation>
    </message>
    <message>
        <source>%1/%2 cannot be read here</source>
        <translation>此处无法读取 %1/%2</translation>
    </message>
    <message>
        <source>the whole range</source>
        <translation>整个时间范围</translation>
    </message>
    <message>
        <source>the group&apos;s first commit: nothing older was committed</source>
        <translation>该消费者组的首次提交：更早时没有任何提交</translation>
    </message>
    <message>
        <source>compaction of __consumer_offsets removed the older commits</source>
        <translation>__consumer_offsets 的压缩已删除更早的提交</translation>
    </message>
    <message>
        <source>the commit log holds nothing older</source>
        <translation>提交日志中没有更早的内容</translation>
    </message>
    <message>
        <source>retention deleted the older records, so the log end cannot be placed</source>
        <translation>保留策略已删除更早的消息，无法确定当时的日志末端</translation>
    </message>
    <message numerus="yes">
        <source>%1/%2: the log end from record timestamps was below the committed offset at %n step(s) (CreateTime stamps from producer clocks); raised to the committed offset</source>
        <translation>
            <numerusform>%1/%2：有 %n 个步长按消息时间戳得到的日志末端低于已提交位点（CreateTime 时间戳来自生产者时钟）；已提高到已提交位点</numerusform>
        </translation>
    </message>
    <message>
        <source>The commit log of group &apos;%1&apos; cannot be read (reading __consumer_offsets needs Describe and Read on it): %2</source>
        <translation>无法读取消费者组 &apos;%1&apos; 的提交日志（读取 __consumer_offsets 需要其 Describe 和 Read 权限）：%2</translation>
    </message>
    <message>
        <source>Topic configs unreadable (%1): timestamps taken as CreateTime</source>
        <translation>无法读取主题配置（%1）：时间戳按 CreateTime 处理</translation>
    </message>
    <message>
        <source>nothing could be reconstructed: no commit of this group in the commit log</source>
        <translation>无法重建：提交日志中没有该消费者组的提交</translation>
    </message>
    <message>
        <source>back to %1 (the whole range)</source>
        <translation>回溯至 %1（整个时间范围）</translation>
    </message>
    <message>
        <source>back to %1 (it stops there: %2)</source>
        <translation>回溯至 %1（止于此处：%2）</translation>
    </message>
</context>
<context>
    <name>kops::LagGroupsModel</name>
    <message>
        <source>%1 (%2 old)</source>
        <translation>%1（%2 前）</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 前</translation>
    </message>
    <message>
        <source>Not sampled since %1 (%2 ago): the last sampling round failed.
%3</source>
        <translation>自 %1（%2 前）起未采样：最近一轮采样失败。
%3</translation>
    </message>
    <message>
        <source>Latest commit on any partition, read from the commit stream</source>
        <translation>任一分区的最近一次提交，读取自提交流</translation>
    </message>
    <message>
        <source>Unknown: committed offsets read with %1, which does not say when a commit happened</source>
        <translation>未知：已提交位点通过 %1 读取，无法得知提交发生的时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Total lag</source>
        <translation>总积压</translation>
    </message>
    <message>
        <source>Max time lag</source>
        <translation>最大时间积压</translation>
    </message>
    <message>
        <source>Last commit</source>
        <translation>最近提交</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>消化时间</translation>
    </message>
</context>
<context>
    <name>kops::LagPartitionsModel</name>
    <message>
        <source>no commit</source>
        <translation>无提交</translation>
    </message>
    <message>
        <source>
Time lag estimated from the history (the record at the committed offset could not be read).</source>
        <translation>
时间积压根据历史估算（无法读取已提交位点处的消息）。</translation>
    </message>
    <message>
        <source>
Member %1</source>
        <translation>
成员 %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>积压</translation>
    </message>
    <message>
        <source>Time lag</source>
        <translation>时间积压</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Log end</source>
        <translation>日志末尾</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
</context>
<context>
    <name>kops::LagSettingsDialog</name>
    <message>
        <source>Thresholds &amp; alerts — %1</source>
        <translation>阈值与告警 — %1</translation>
    </message>
    <message>
        <source>Limits per group and/or topic (empty = any). The most specific matching row applies; crossing a limit turns the group ERR and raises an alert.</source>
        <translation>按消费者组和/或主题设置上限（留空 = 任意）。匹配最具体的一行生效；超过上限时消费者组变为 ERR 并产生告警。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Max lag (messages)</source>
        <translation>最大积压（消息数）</translation>
    </message>
    <message>
        <source>Max time lag (s)</source>
        <translation>最大时间积压（秒）</translation>
    </message>
    <message>
        <source>Add limit</source>
        <translation>添加上限</translation>
    </message>
    <message>
        <source>Remove limit</source>
        <translation>删除上限</translation>
    </message>
    <message>
        <source>One group per line; empty: watch all consumer groups</source>
        <translation>每行一个消费者组；留空：监控所有消费者组</translation>
    </message>
    <message>
        <source>Burrow&apos;s window: how many recent samples the health rules look at.</source>
        <translation>Burrow 的窗口：健康规则查看最近多少个样本。</translation>
    </message>
    <message>
        <source>e.g. /usr/local/bin/page-oncall --team kafka (gets the alert as JSON on stdin)</source>
        <translation>例如 /usr/local/bin/page-oncall --team kafka（从标准输入以 JSON 接收告警）</translation>
    </message>
    <message>
        <source>A shell command line, run with /bin/sh -c (quotes and pipes work). It gets each alert as JSON on its standard input and is killed if it still runs after 30 seconds.</source>
        <translation>一条 shell 命令行，用 /bin/sh -c 运行（引号和管道可用）。它从标准输入以 JSON 接收每条告警；30 秒后仍在运行则被终止。</translation>
    </message>
    <message>
        <source>Desktop notification for each new alert</source>
        <translation>每条新告警发送桌面通知</translation>
    </message>
    <message>
        <source>Watched groups</source>
        <translation>监控的消费者组</translation>
    </message>
    <message>
        <source>Evaluation window</source>
        <translation>评估窗口</translation>
    </message>
    <message>
        <source>Alert command</source>
        <translation>告警命令</translation>
    </message>
    <message>
        <source>Read commit stream (__consumer_offsets)</source>
        <translation>读取提交流（__consumer_offsets）</translation>
    </message>
    <message>
        <source>Commit times from __consumer_offsets: a true &quot;last commit&quot; age, and a member that stopped committing told apart from one committing the same offset. Falls back to OffsetFetch when the connection may not read that topic.</source>
        <translation>从 __consumer_offsets 读取提交时间：得到真实的“最近提交”时长，并区分停止提交的成员与反复提交同一位点的成员。若该连接无权读取此主题，则回退到 OffsetFetch。</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Row %1: max lag &apos;%2&apos; is not a whole number of messages.</source>
        <translation>第 %1 行：最大积压 &apos;%2&apos; 不是整数条消息。</translation>
    </message>
    <message>
        <source>Row %1: max time lag &apos;%2&apos; is not a number of seconds.</source>
        <translation>第 %1 行：最大时间积压 &apos;%2&apos; 不是秒数。</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Lag history of this connection kept on disk at most; beyond it the oldest data goes first.</source>
        <translation>此连接在磁盘上最多保留的积压历史；超出后最早的数据先被删除。</translation>
    </message>
    <message>
        <source>Reading the history&apos;s size…</source>
        <translation>正在读取历史数据大小…</translation>
    </message>
    <message>
        <source>History disk budget</source>
        <translation>历史数据磁盘配额</translation>
    </message>
    <message>
        <source>Not connected: the history&apos;s size is shown while sampling.</source>
        <translation>未连接：采样时会显示历史数据大小。</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>No history recorded for this connection yet (database file: %1).</source>
        <translation>此连接尚未记录任何历史（数据库文件：%1）。</translation>
    </message>
    <message>
        <source>%1 MB holds the full %2 of history at this rate.</source>
        <translation>按当前速率，%1 MB 可容纳完整的 %2 历史。</translation>
    </message>
    <message>
        <source>%1 MB holds about %2 of history at this rate; older data is dropped first.</source>
        <translation>按当前速率，%1 MB 约可容纳 %2 的历史；更早的数据先被删除。</translation>
    </message>
    <message>
        <source>Now %1 for %2 partition series (%3 bytes per sample, sampled every %4 s), back to %5. %6 Database file: %7.</source>
        <translation>当前 %1，共 %2 个分区序列（每个样本 %3 字节，每 %4 秒采样一次），最早到 %5。%6 数据库文件：%7。</translation>
    </message>
</context>
<context>
    <name>kops::MainWindow</name>
    <message>
        <source>Kafka Ops Console</source>
        <translation>Kafka Ops Console</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Alerts (%1)</source>
        <translation>告警（%1）</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source> Cluster: </source>
        <translation> 集群： </translation>
    </message>
    <message>
        <source>The cluster to work with: a saved connection</source>
        <translation>要操作的集群：一个已保存的连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connect to the chosen cluster, or disconnect</source>
        <translation>连接所选集群，或断开连接</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Refresh the overview and lag now (F5)</source>
        <translation>立即刷新概览和积压（F5）</translation>
    </message>
    <message>
        <source>Connections…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <source>Add, edit, test and delete saved connections</source>
        <translation>添加、编辑、测试和删除已保存的连接</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>连接(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>过滤(&amp;F)</translation>
    </message>
    <message>
        <source>This page has no filter.</source>
        <translation>此页面没有过滤框。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>The language changes the next time Kafka Ops Console starts.</source>
        <translation>语言将在下次启动 Kafka Ops Console 时更改。</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Thresholds &amp;&amp; alerts…</source>
        <translation>阈值与告警(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <source>No documentation found; see &apos;man kafka-ops&apos; and &apos;man kafka-ops-console&apos;.</source>
        <translation>未找到文档；请参阅 &apos;man kafka-ops&apos; 和 &apos;man kafka-ops-console&apos;。</translation>
    </message>
    <message>
        <source>&amp;About Kafka Ops Console</source>
        <translation>关于 Kafka Ops Console(&amp;A)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Kafka Ops Console&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 Kafka Ops Console&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Watch consumer lag and health, browse and requeue dead letters, replay a group from a point in time, and check client and broker profiles.</source>
        <translation>监控消费者积压与健康状况，浏览并重投死信，将消费者组回溯到某个时间点，并检查客户端和 Broker 配置档案。</translation>
    </message>
    <message>
        <source>Add the bootstrap servers of your cluster, or open the demo: a simulated cluster with live orders and payments, lagging and stopped consumer groups and a few thousand dead letters, running inside this program (nothing else is needed, nothing leaves this machine, and it ends when you quit).</source>
        <translation>添加集群的 Bootstrap 服务器，或打开演示集群：一个在本程序内运行的模拟集群，包含实时的订单和支付流量、积压和停止的消费者组以及几千条死信（无需任何其他组件，数据不会离开本机，退出即结束）。</translation>
    </message>
    <message>
        <source>Add a connection…</source>
        <translation>添加连接…</translation>
    </message>
    <message>
        <source>Open the demo cluster</source>
        <translation>打开演示集群</translation>
    </message>
    <message>
        <source>Demo lag history: %1</source>
        <translation>演示积压历史：%1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password for %1 on &apos;%2&apos;:</source>
        <translation>%1 在 &apos;%2&apos; 上的密码：</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>%1 — Kafka Ops Console</source>
        <translation>%1 — Kafka Ops Console</translation>
    </message>
    <message>
        <source>Lag sampling: %1</source>
        <translation>积压采样：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 及另外 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new alerts</source>
        <translation>
            <numerusform>%n 条新告警</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n broker(s) · refreshed %2 (%3 ms)%4</source>
        <translation>
            <numerusform>%1 · %n 个 Broker · 刷新于 %2（%3 毫秒）%4</numerusform>
        </translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation> · 只读</translation>
    </message>
    <message>
        <source>lag sampling failed %1 · %2</source>
        <translation>积压采样失败 %1 · %2</translation>
    </message>
    <message>
        <source>%1 The data shown is from the last successful refresh; retrying every %2 s.</source>
        <translation>%1 显示的数据来自最近一次成功的刷新；每 %2 秒重试一次。</translation>
    </message>
    <message>
        <source>%1 Retrying every %2 s.</source>
        <translation>%1 每 %2 秒重试一次。</translation>
    </message>
    <message>
        <source>%1 · unreachable</source>
        <translation>%1 · 无法连接</translation>
    </message>
    <message>
        <source>Demo profiles: %1</source>
        <translation>演示配置档案：%1</translation>
    </message>
</context>
<context>
    <name>kops::MemoryBar</name>
    <message>
        <source>Enter the host RAM</source>
        <translation>请输入主机内存</translation>
    </message>
    <message>
        <source>heap %1</source>
        <translation>堆 %1</translation>
    </message>
    <message>
        <source>page cache %1</source>
        <translation>页缓存 %1</translation>
    </message>
    <message>
        <source>OS %1</source>
        <translation>操作系统 %1</translation>
    </message>
</context>
<context>
    <name>kops::OverviewPage</name>
    <message>
        <source>Cluster id</source>
        <translation>集群 ID</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>控制器</translation>
    </message>
    <message>
        <source>Brokers</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Under-replicated</source>
        <translation>副本不足</translation>
    </message>
    <message>
        <source>Consumer groups</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>Not connected. Choose a connection in the toolbar and press Connect, or create one with Connections…</source>
        <translation>未连接。在工具栏中选择一个连接并点击“连接”，或通过“连接…”新建一个。</translation>
    </message>
    <message>
        <source>Filter topics…</source>
        <translation>过滤主题…</translation>
    </message>
    <message>
        <source>Show internal topics</source>
        <translation>显示内部主题</translation>
    </message>
    <message>
        <source>Filter consumer groups…</source>
        <translation>过滤消费者组…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>broker %1</source>
        <translation>Broker %1</translation>
    </message>
    <message>
        <source>Consumer groups could not be listed: %1</source>
        <translation>无法列出消费者组：%1</translation>
    </message>
    <message>
        <source>No data: %1</source>
        <translation>无数据：%1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
</context>
<context>
    <name>kops::PartitionChart</name>
    <message>
        <source>Partitions</source>
        <translation>分区数</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>消息/s</translation>
    </message>
    <message>
        <source>p99 latency (ms)</source>
        <translation>p99 延时（ms）</translation>
    </message>
    <message>
        <source>Produced records/s</source>
        <translation>生产消息/s</translation>
    </message>
    <message>
        <source>Consumed records/s</source>
        <translation>消费消息/s</translation>
    </message>
    <message>
        <source>Ack p99 ms</source>
        <translation>确认 p99 ms</translation>
    </message>
    <message>
        <source>End-to-end p99 ms</source>
        <translation>端到端 p99 ms</translation>
    </message>
</context>
<context>
    <name>kops::PayloadViewer</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message numerus="yes">
        <source>{%n field(s)}</source>
        <translation>
            <numerusform>{%n 个字段}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n byte(s)</source>
        <translation>
            <numerusform>%1，%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source> (showing the beginning)</source>
        <translation>（仅显示开头部分）</translation>
    </message>
    <message>
        <source>(array)</source>
        <translation>（数组）</translation>
    </message>
    <message>
        <source>(object)</source>
        <translation>（对象）</translation>
    </message>
    <message>
        <source>No record selected.</source>
        <translation>未选择消息。</translation>
    </message>
</context>
<context>
    <name>kops::PerfLab</name>
    <message>
        <source>a throughput lab (it creates and deletes topics)</source>
        <translation>吞吐量实验（会创建和删除主题）</translation>
    </message>
    <message>
        <source>A lab needs partition counts, a record count and a record size.</source>
        <translation>实验需要指定分区数、消息数和消息大小。</translation>
    </message>
</context>
<context>
    <name>kops::PerfPanel</name>
    <message>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <source>Retries without idempotence (demo: injected failures)</source>
        <translation>重试但不启用幂等（演示：注入故障）</translation>
    </message>
    <message>
        <source>Idempotent producer (demo: injected failures)</source>
        <translation>幂等生产者（演示：注入故障）</translation>
    </message>
    <message>
        <source> B</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>random letters; or a file whose lines are sent</source>
        <translation>随机字母；或选择一个文件，逐行发送</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Sample payloads</source>
        <translation>示例负载</translation>
    </message>
    <message>
        <source>Idempotence</source>
        <translation>幂等</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>client default</source>
        <translation>客户端默认值</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Producer profile</source>
        <translation>生产者配置档案</translation>
    </message>
    <message>
        <source>Partition counts</source>
        <translation>分区数</translation>
    </message>
    <message>
        <source>Records per count</source>
        <translation>每轮消息数</translation>
    </message>
    <message>
        <source>Record size</source>
        <translation>消息大小</translation>
    </message>
    <message>
        <source>acks</source>
        <translation>acks</translation>
    </message>
    <message>
        <source>Compression</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>linger.ms</source>
        <translation>linger.ms</translation>
    </message>
    <message>
        <source>batch.size</source>
        <translation>batch.size</translation>
    </message>
    <message>
        <source>Consumers</source>
        <translation>消费者数</translation>
    </message>
    <message>
        <source>Payloads</source>
        <translation>负载</translation>
    </message>
    <message>
        <source>Run lab</source>
        <translation>运行实验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Topics named kops-perf-… are created for the lab and deleted after it.</source>
        <translation>实验会创建名为 kops-perf-… 的主题，并在结束后删除。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>This connection is read-only: the lab creates topics and is refused.</source>
        <translation>该连接为只读：实验需要创建主题，已被拒绝。</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n topic(s) left by an earlier throughput lab.</source>
        <translation>
            <numerusform>已删除之前的吞吐量实验遗留的 %n 个主题。</numerusform>
        </translation>
    </message>
    <message>
        <source>(settings below)</source>
        <translation>（见下方设置）</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 has no lines to send.</source>
        <translation>%1 中没有可发送的行。</translation>
    </message>
    <message>
        <source>Write more than 1 GB?</source>
        <translation>写入超过 1 GB？</translation>
    </message>
    <message>
        <source>The lab will write about %1 MB to the cluster (%2 partition counts × %3 records × %4 bytes), in temporary topics that are deleted afterwards. Go ahead?</source>
        <translation>实验将向集群写入约 %1 MB（%2 种分区数 × %3 条消息 × %4 字节），写入的临时主题会在结束后删除。是否继续？</translation>
    </message>
    <message>
        <source>Failures can only be injected into the demo cluster; this preset runs without them here.</source>
        <translation>只能向演示集群注入故障；此预设在此连接上将不注入故障运行。</translation>
    </message>
    <message>
        <source>Cancelling: deleting the lab&apos;s topic…</source>
        <translation>正在取消：删除实验主题…</translation>
    </message>
    <message>
        <source>creating the topic</source>
        <translation>正在创建主题</translation>
    </message>
    <message>
        <source>producing</source>
        <translation>正在生产</translation>
    </message>
    <message>
        <source>consuming</source>
        <translation>正在消费</translation>
    </message>
    <message>
        <source>auditing the topic</source>
        <translation>正在审计主题</translation>
    </message>
    <message>
        <source>deleting the topic</source>
        <translation>正在删除主题</translation>
    </message>
    <message>
        <source>%1 of %2: %3 partitions, %4 — %5 of %6 acknowledged, %7 consumed%8</source>
        <translation>第 %1/%2 轮：%3 个分区，%4 — 已确认 %5/%6，已消费 %7%8</translation>
    </message>
    <message>
        <source>, %1 records/s</source>
        <translation>，每秒 %1 条</translation>
    </message>
    <message>
        <source>The lab stopped.</source>
        <translation>实验已中止。</translation>
    </message>
    <message>
        <source>Audit of the lab topic: no duplicates and no order breaks.</source>
        <translation>实验主题审计结果：没有重复，也没有乱序。</translation>
    </message>
    <message>
        <source>Audit of the lab topic: %1 duplicates and %2 order breaks.</source>
        <translation>实验主题审计结果：%1 条重复，%2 处乱序。</translation>
    </message>
    <message>
        <source>Cancelled; the lab&apos;s topic was deleted.</source>
        <translation>已取消；实验主题已删除。</translation>
    </message>
    <message>
        <source>Lab finished.</source>
        <translation>实验完成。</translation>
    </message>
    <message numerus="yes">
        <source>Lab finished; %n topic(s) not deleted: %1</source>
        <translation>
            <numerusform>实验完成；%n 个主题未删除：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Run the lab first.</source>
        <translation>请先运行实验。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export JSON</source>
        <translation>导出 JSON</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Exported the lab to %1</source>
        <translation>已将实验结果导出到 %1</translation>
    </message>
</context>
<context>
    <name>kops::PerfPointModel</name>
    <message>
        <source>Partitions</source>
        <translation>分区数</translation>
    </message>
    <message>
        <source>Records/s</source>
        <translation>消息/s</translation>
    </message>
    <message>
        <source>MB/s</source>
        <translation>MB/s</translation>
    </message>
    <message>
        <source>Ack p50 ms</source>
        <translation>确认 p50 ms</translation>
    </message>
    <message>
        <source>Ack p99 ms</source>
        <translation>确认 p99 ms</translation>
    </message>
    <message>
        <source>End-to-end p50 ms</source>
        <translation>端到端 p50 ms</translation>
    </message>
    <message>
        <source>End-to-end p99 ms</source>
        <translation>端到端 p99 ms</translation>
    </message>
    <message>
        <source>Consumed/s</source>
        <translation>消费/s</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>kops::PerfReport</name>
    <message>
        <source>No partition count produced any records.</source>
        <translation>所有分区数下都没有生产出任何消息。</translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) gave the best throughput (%1 records/s, %2 MB/s); no smaller count reached 90 % of it.</source>
        <translation>
            <numerusform>%n 个分区时吞吐量最高（每秒 %1 条消息，%2 MB/s）；更少的分区数都达不到其 90 %。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) reach 90 % of the best throughput: %1 records/s against %2 records/s with %3 partitions.</source>
        <translation>
            <numerusform>%n 个分区即可达到最高吞吐量的 90 %：每秒 %1 条消息，而 %3 个分区时为每秒 %2 条消息。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kops::PerfSettings</name>
    <message>
        <source>Partition counts are positive numbers separated by commas, e.g. 1,2,4,8 (not &apos;%1&apos;).</source>
        <translation>分区数应为以逗号分隔的正整数，例如 1,2,4,8（而不是 &apos;%1&apos;）。</translation>
    </message>
    <message>
        <source>Give at least one partition count, e.g. 1,2,4,8.</source>
        <translation>请至少指定一个分区数，例如 1,2,4,8。</translation>
    </message>
</context>
<context>
    <name>kops::ProfileDiffPanel</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>Save or create two profiles to compare them.</source>
        <translation>保存或创建两个配置档案后才能比较。</translation>
    </message>
    <message>
        <source>The two profiles are identical.</source>
        <translation>两个配置档案完全相同。</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s); a side that does not set a key shows the Java default.</source>
        <translation>
            <numerusform>%n 处差异；未设置某个键的一侧显示 Java 默认值。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kops::ProfileEditor</name>
    <message>
        <source>profile name</source>
        <translation>配置档案名称</translation>
    </message>
    <message>
        <source>throughput (loss tolerated)</source>
        <translation>高吞吐（容忍丢失）</translation>
    </message>
    <message>
        <source>no-loss (e.g. payments)</source>
        <translation>不丢失（例如支付）</translation>
    </message>
    <message>
        <source>ordered (no loss, no duplicates, order per partition)</source>
        <translation>有序（不丢失、不重复、分区内有序）</translation>
    </message>
    <message>
        <source>What the profile must guarantee; it decides how severe each finding is.</source>
        <translation>配置档案必须保证的目标；它决定每条检查结果的严重程度。</translation>
    </message>
    <message>
        <source>Host RAM:</source>
        <translation>主机内存：</translation>
    </message>
    <message>
        <source>e.g. 32G</source>
        <translation>例如 32G</translation>
    </message>
    <message>
        <source>RAM of the broker host: needed to check the heap against the page cache.</source>
        <translation>Broker 主机的内存：用于检查堆与页缓存的比例。</translation>
    </message>
    <message>
        <source>Intent:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>Command line (KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS)</source>
        <translation>命令行（KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS）</translation>
    </message>
    <message>
        <source>export KAFKA_HEAP_OPTS=&quot;-Xmx6G -Xms6G&quot;
export KAFKA_JVM_PERFORMANCE_OPTS=&quot;-XX:+UseG1GC -XX:MaxGCPauseMillis=20&quot;
or the options alone: -Xmx6G -Xms6G -XX:+UseG1GC</source>
        <translation>export KAFKA_HEAP_OPTS=&quot;-Xmx6G -Xms6G&quot;
export KAFKA_JVM_PERFORMANCE_OPTS=&quot;-XX:+UseG1GC -XX:MaxGCPauseMillis=20&quot;
或只写选项：-Xmx6G -Xms6G -XX:+UseG1GC</translation>
    </message>
    <message>
        <source>Paste the lines a broker starts with (or edit these), then Apply: the profile&apos;s options become exactly these.</source>
        <translation>粘贴 Broker 启动时使用的行（或编辑这些行），然后点击“应用”：配置档案的选项将完全替换为这些。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Replace the profile&apos;s JVM options with the ones in the text</source>
        <translation>用文本中的选项替换配置档案的 JVM 选项</translation>
    </message>
    <message>
        <source>Important settings</source>
        <translation>重要设置</translation>
    </message>
    <message>
        <source>All settings</source>
        <translation>全部设置</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>添加键</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>删除键</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>(default: %1)</source>
        <translation>（默认：%1）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>%1
Keys: %2
%3</source>
        <translation>%1
键：%2
%3</translation>
    </message>
    <message>
        <source>Apply: %1</source>
        <translation>应用：%1</translation>
    </message>
    <message>
        <source>Run this yourself: %1</source>
        <translation>请自行执行：%1</translation>
    </message>
    <message>
        <source>No findings: this profile fits its intent (%1).</source>
        <translation>没有问题：此配置档案符合其目标（%1）。</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s), %3 info. Hover a rule for its documentation.</source>
        <translation>%1 个错误，%2 个警告，%3 条提示。将鼠标悬停在规则上查看其文档。</translation>
    </message>
    <message>
        <source>Memory split: %1.</source>
        <translation>内存划分：%1。</translation>
    </message>
    <message>
        <source>Enter the host RAM to check the heap against the page cache.</source>
        <translation>输入主机内存以检查堆与页缓存的比例。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) &amp;mdash; keys: %3&lt;br&gt;%4&lt;br&gt;Fix: %5 &amp;nbsp; &lt;a href=&quot;%6&quot;&gt;documentation&lt;/a&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2）&amp;mdash; 键：%3&lt;br&gt;%4&lt;br&gt;修复：%5 &amp;nbsp; &lt;a href=&quot;%6&quot;&gt;文档&lt;/a&gt;</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>No JVM options in the text: paste KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS lines or options such as -Xmx6G.</source>
        <translation>文本中没有 JVM 选项：请粘贴 KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS 行或 -Xmx6G 之类的选项。</translation>
    </message>
    <message>
        <source>Nothing applied: %1</source>
        <translation>未应用任何内容：%1</translation>
    </message>
    <message>
        <source>Applied without: %1</source>
        <translation>已应用，但未包括：%1</translation>
    </message>
</context>
<context>
    <name>kops::Profiles</name>
    <message>
        <source>topic profile &apos;%1&apos;</source>
        <translation>主题配置档案 &apos;%1&apos;</translation>
    </message>
    <message>
        <source> (default, assumed)</source>
        <translation>（默认值，假定）</translation>
    </message>
    <message>
        <source>remove </source>
        <translation>删除 </translation>
    </message>
    <message>
        <source>Set </source>
        <translation>设置 </translation>
    </message>
    <message>
        <source>%1: %2; the client refuses to start with it. %3</source>
        <translation>%1：%2；客户端会拒绝以此启动。%3</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>将 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a known %2 setting and is ignored; did you mean &apos;%3&apos;?</source>
        <translation>&apos;%1&apos; 不是已知的 %2 配置，将被忽略；您是指 &apos;%3&apos; 吗？</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2 setting; a %3 ignores it.</source>
        <translation>&apos;%1&apos; 是 %2 配置；%3 会忽略它。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a Kafka %2 setting; only plug-ins such as serializers may read it, Kafka logs it as unused.</source>
        <translation>&apos;%1&apos; 不是 Kafka %2 配置；只有序列化器等插件可能读取它，Kafka 会将其记录为未使用。</translation>
    </message>
    <message>
        <source>enable.idempotence not set: its default (true) is silently switched off because of %1</source>
        <translation>未设置 enable.idempotence：由于 %1，其默认值（true）会被悄悄关闭</translation>
    </message>
    <message>
        <source>acks=0: the producer does not wait for any broker, so records lost in flight or on a crashing leader are never noticed (intent %1).</source>
        <translation>acks=0：生产者不等待任何 Broker 确认，因此传输中或 Leader 崩溃时丢失的消息永远不会被发现（目标 %1）。</translation>
    </message>
    <message>
        <source>acks=1: only the leader has the record when the send succeeds; if it fails before followers copy it, the record is lost (intent %1).</source>
        <translation>acks=1：发送成功时只有 Leader 持有该消息；若在 Follower 复制前 Leader 故障，消息将丢失（目标 %1）。</translation>
    </message>
    <message>
        <source>On the topic: kafka-configs.sh --alter --entity-type topics --entity-name %1 --add-config min.insync.replicas=2%2</source>
        <translation>在主题上执行：kafka-configs.sh --alter --entity-type topics --entity-name %1 --add-config min.insync.replicas=2%2</translation>
    </message>
    <message>
        <source> (and reassign to 3 replicas)</source>
        <translation>（并重新分配为 3 个副本）</translation>
    </message>
    <message>
        <source>On the topic: </source>
        <translation>在主题上执行：</translation>
    </message>
    <message>
        <source>acks=all only waits for the in-sync replicas; %1 has %2, so a write acknowledged by a single broker is lost when that broker&apos;s disk is.</source>
        <translation>acks=all 只等待同步副本；%1 的设置为 %2，因此只被单个 Broker 确认的写入会在该 Broker 磁盘损坏时丢失。</translation>
    </message>
    <message>
        <source>replication factor %1</source>
        <translation>副本因子 %1</translation>
    </message>
    <message>
        <source>On the topic: kafka-configs.sh --alter --entity-type topics --entity-name %1 --add-config unclean.leader.election.enable=false</source>
        <translation>在主题上执行：kafka-configs.sh --alter --entity-type topics --entity-name %1 --add-config unclean.leader.election.enable=false</translation>
    </message>
    <message>
        <source>%1 allows unclean leader election: an out-of-sync replica can become leader and drop writes that acks=all had confirmed.</source>
        <translation>%1 允许非干净 Leader 选举：未同步的副本可能成为 Leader 并丢弃 acks=all 已确认的写入。</translation>
    </message>
    <message>
        <source>%1 with %2: a batch whose acknowledgement was lost is sent again and stored twice.</source>
        <translation>%1 且 %2：确认丢失的批次会被重新发送并存储两次。</translation>
    </message>
    <message>
        <source>%1 and %2 without idempotence: when a batch fails and is retried, the batch after it may already be written, so records of a partition change order.</source>
        <translation>%1 且 %2 但未启用幂等：批次失败重试时，其后的批次可能已写入，导致分区内消息顺序改变。</translation>
    </message>
    <message>
        <source>enable.idempotence=true allows at most 5 requests in flight; with %1 the producer refuses to start (ConfigException).</source>
        <translation>enable.idempotence=true 最多允许 5 个在途请求；设置为 %1 时生产者会拒绝启动（ConfigException）。</translation>
    </message>
    <message>
        <source>%1 is shorter than %2 + %3: the producer refuses to start, or with older clients gives up on records before one request could finish.</source>
        <translation>%1 小于 %2 + %3：生产者会拒绝启动，或在旧版客户端中，一个请求还未完成就放弃消息。</translation>
    </message>
    <message>
        <source>Remove retries (unlimited; delivery.timeout.ms=%1 bounds the retrying)</source>
        <translation>删除 retries（无限重试；由 delivery.timeout.ms=%1 限定重试时间）</translation>
    </message>
    <message>
        <source>%1 with %2: the producer gives up after about %3 ms of broker errors, long before %4, so a leader election or a broker restart fails the send and the record is lost unless the application sends it again (intent %5). Leave retries unset (unlimited) and let delivery.timeout.ms bound the time, as Kafka&apos;s documentation recommends.</source>
        <translation>%1 且 %2：生产者在约 %3 毫秒的 Broker 错误后就放弃，远早于 %4，因此一次 Leader 选举或 Broker 重启就会导致发送失败，除非应用重新发送，否则消息丢失（目标 %5）。请保持 retries 未设置（无限），由 delivery.timeout.ms 限定时间，这也是 Kafka 文档的建议。</translation>
    </message>
    <message>
        <source>%1 and %2: batches leave almost empty, so the producer sends many small requests; a few milliseconds of linger multiply throughput.</source>
        <translation>%1 且 %2：批次几乎是空的就发出，生产者会发送大量小请求；几毫秒的 linger 就能成倍提高吞吐。</translation>
    </message>
    <message>
        <source>%1: batches travel and are stored uncompressed; lz4 or zstd usually cut network and disk by half or more for little CPU.</source>
        <translation>%1：批次以未压缩形式传输和存储；lz4 或 zstd 通常只需少量 CPU 就能将网络和磁盘占用减少一半以上。</translation>
    </message>
    <message>
        <source>%1: offsets are committed in the background whether or not the records were processed; a crash after the commit skips them for good.</source>
        <translation>%1：无论消息是否已处理，位点都会在后台提交；提交后崩溃将永久跳过这些消息。</translation>
    </message>
    <message>
        <source>%1: a new group, or one whose offsets expired, starts at the end and never sees the records already in the topic.</source>
        <translation>%1：新的消费者组或位点已过期的消费者组会从末尾开始，永远看不到主题中已有的消息。</translation>
    </message>
    <message>
        <source>min.insync.replicas=%1 but only %2 replicas exist: every acks=all write fails with NOT_ENOUGH_REPLICAS.</source>
        <translation>min.insync.replicas=%1 但只有 %2 个副本：每次 acks=all 写入都会以 NOT_ENOUGH_REPLICAS 失败。</translation>
    </message>
    <message>
        <source>replication.factor=1: one copy per partition; losing that broker&apos;s disk loses the data and the partition is offline while the broker is down.</source>
        <translation>replication.factor=1：每个分区只有一份副本；该 Broker 磁盘损坏会丢失数据，Broker 宕机期间分区不可用。</translation>
    </message>
    <message>
        <source>%1: acks=all succeeds once the leader alone has a record, so losing the leader can lose acknowledged writes.</source>
        <translation>%1：只要 Leader 单独持有消息，acks=all 就会成功，因此 Leader 丢失可能导致已确认的写入丢失。</translation>
    </message>
    <message>
        <source>unclean.leader.election.enable=true: when no in-sync replica is left, a lagging one becomes leader and the records it lacks are gone.</source>
        <translation>unclean.leader.election.enable=true：没有同步副本时，落后的副本会成为 Leader，它缺少的消息将丢失。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Correct or delete line %1 (the imported profile leaves it out)</source>
        <translation>更正或删除第 %1 行（导入的配置档案会忽略该行）</translation>
    </message>
    <message>
        <source>the profile has no &quot;name&quot;</source>
        <translation>配置档案没有 &quot;name&quot;</translation>
    </message>
    <message>
        <source>&quot;type&quot; must be producer, consumer, topic or jvm</source>
        <translation>&quot;type&quot; 必须是 producer、consumer、topic 或 jvm</translation>
    </message>
    <message>
        <source>&quot;intent&quot; must be throughput, no-loss or ordered, not &apos;%1&apos;</source>
        <translation>&quot;intent&quot; 必须是 throughput、no-loss 或 ordered，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>setting &apos;%1&apos; must be a string, number or boolean</source>
        <translation>配置项 &apos;%1&apos; 必须是字符串、数字或布尔值</translation>
    </message>
    <message>
        <source>Metrics, logs, clickstreams: some loss is tolerated, volume matters.</source>
        <translation>指标、日志、点击流：容忍少量丢失，重视吞吐量。</translation>
    </message>
    <message>
        <source>Payments, orders: every acknowledged record must survive a broker loss.</source>
        <translation>支付、订单：每条已确认的消息都必须在 Broker 丢失后保留。</translation>
    </message>
    <message>
        <source>No loss, no duplicates, order kept per partition.</source>
        <translation>不丢失、不重复、分区内保持顺序。</translation>
    </message>
    <message>
        <source>Auto-commit and large fetches; a crash may skip or repeat a few records.</source>
        <translation>自动提交与大批量拉取；崩溃可能跳过或重复少量消息。</translation>
    </message>
    <message>
        <source>Commit only after processing; start from the earliest record for new groups.</source>
        <translation>仅在处理完成后提交；新消费者组从最早的消息开始。</translation>
    </message>
    <message>
        <source>Manual commits, read committed, one partition processed in order.</source>
        <translation>手动提交、读已提交、分区内按顺序处理。</translation>
    </message>
    <message>
        <source>Two replicas, fast leader fail-over, short retention.</source>
        <translation>两个副本、快速 Leader 切换、短保留期。</translation>
    </message>
    <message>
        <source>Three replicas, two must acknowledge, no unclean election.</source>
        <translation>三个副本、两个必须确认、禁止非干净选举。</translation>
    </message>
    <message>
        <source>As no-loss; ordering also needs producers with idempotence.</source>
        <translation>同不丢失；保持顺序还需要生产者启用幂等。</translation>
    </message>
    <message>
        <source>Broker on a 16 GB host.</source>
        <translation>16 GB 主机上的 Broker。</translation>
    </message>
    <message>
        <source>Broker on a 32 GB host.</source>
        <translation>32 GB 主机上的 Broker。</translation>
    </message>
    <message>
        <source>Broker on a 64 GB host.</source>
        <translation>64 GB 主机上的 Broker。</translation>
    </message>
    <message>
        <source>Broker on a 128 GB host.</source>
        <translation>128 GB 主机上的 Broker。</translation>
    </message>
    <message>
        <source>%1 host: heap %2, page cache ~%3, OS and off-heap ~%4</source>
        <translation>%1 主机：堆 %2，页缓存约 %3，操作系统与堆外约 %4</translation>
    </message>
    <message>
        <source>Heap %1: Kafka keeps records in the page cache, not on the heap; %2 covers request buffers and metadata at %3 MB/s, and stays at or below a quarter of the host.</source>
        <translation>堆 %1：Kafka 将消息保存在页缓存而非堆中；%2 足以应付 %3 MB/秒 下的请求缓冲区和元数据，且不超过主机内存的四分之一。</translation>
    </message>
    <message>
        <source>-Xms equal to -Xmx: the heap never resizes, so no pause for growing it.</source>
        <translation>-Xms 等于 -Xmx：堆从不调整大小，因此不会因扩容而停顿。</translation>
    </message>
    <message>
        <source>G1 with MaxGCPauseMillis=20 and no fixed young generation: G1 sizes the young generation itself to meet the pause goal.</source>
        <translation>G1，MaxGCPauseMillis=20，不固定新生代大小：G1 会自行调整新生代大小以满足停顿目标。</translation>
    </message>
    <message>
        <source>G1HeapRegionSize %1: about %2 regions for this heap.</source>
        <translation>G1HeapRegionSize %1：此堆约有 %2 个区域。</translation>
    </message>
    <message>
        <source>Memory split: %1.</source>
        <translation>内存划分：%1。</translation>
    </message>
    <message>
        <source>Consumers re-reading %1 minutes at %2 MB/s need about %3 of page cache, but only %4 is left: they will read from disk. Add RAM or shorten the catch-up window.</source>
        <translation>以 %2 MB/秒 回读 %1 分钟的消费者需要约 %3 的页缓存，但只剩 %4：它们将从磁盘读取。请增加内存或缩短追赶窗口。</translation>
    </message>
    <message>
        <source>Consumers re-reading %1 minutes at %2 MB/s need about %3 of page cache; %4 is available, so catch-up reads come from memory.</source>
        <translation>以 %2 MB/秒 回读 %1 分钟的消费者需要约 %3 的页缓存；可用 %4，因此追赶读取来自内存。</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Set -Xmx%1 -Xms%1</source>
        <translation>设置 -Xmx%1 -Xms%1</translation>
    </message>
    <message>
        <source> (and %1 to fit the new heap)</source>
        <translation>（并调整 %1 以适应新的堆）</translation>
    </message>
    <message>
        <source>-Xmx1G (kafka-server-start.sh default, assumed)</source>
        <translation>-Xmx1G（kafka-server-start.sh 默认值，假定）</translation>
    </message>
    <message>
        <source>%1 takes %2% of a %3 host: only about %4 is left to the page cache (%5 minus the heap, minus ~%6 for the OS, metaspace and direct buffers). Kafka serves consumers and replication from the page cache, so a smaller heap is faster; %7 is plenty for a broker.</source>
        <translation>%1 占用了 %3 主机的 %2%：只剩约 %4 给页缓存（%5 减去堆，再减去约 %6 用于操作系统、元空间和直接缓冲区）。Kafka 通过页缓存为消费者和副本同步提供数据，因此堆越小越快；%7 对 Broker 已经足够。</translation>
    </message>
    <message>
        <source>%1 is at or above 32 GB: the JVM turns compressed object pointers off, so every reference doubles in size and a 32 GB heap holds less than a 31 GB one.</source>
        <translation>%1 达到或超过 32 GB：JVM 会关闭压缩对象指针，每个引用的大小翻倍，32 GB 的堆能容纳的对象反而比 31 GB 的少。</translation>
    </message>
    <message>
        <source>%1 is below 1 GB: a broker with more than a handful of partitions collects constantly or fails with OutOfMemoryError.</source>
        <translation>%1 小于 1 GB：分区稍多的 Broker 会持续 GC，或以 OutOfMemoryError 失败。</translation>
    </message>
    <message>
        <source>-Xms%1 differs from -Xmx%2: the heap grows under load, and every resize is a full pause.</source>
        <translation>-Xms%1 与 -Xmx%2 不同：堆会在负载下增长，每次调整大小都是一次完全停顿。</translation>
    </message>
    <message>
        <source>-Xmx is set without -Xms: the heap starts small and grows under load, with a full pause at each resize.</source>
        <translation>设置了 -Xmx 但没有 -Xms：堆从小开始并在负载下增长，每次调整大小都会完全停顿。</translation>
    </message>
    <message>
        <source>Set -Xms%1</source>
        <translation>设置 -Xms%1</translation>
    </message>
    <message>
        <source>Remove %1 (G1 sizes the young generation itself)</source>
        <translation>删除 %1（G1 会自行调整新生代大小）</translation>
    </message>
    <message>
        <source>Set %1</source>
        <translation>设置 %1</translation>
    </message>
    <message>
        <source>%1 asks for a young generation at least as large as the whole heap (%2): the JVM shrinks it to all but a sliver of the heap, so the old generation has almost no room and nearly every collection becomes a full one.</source>
        <translation>%1 要求新生代至少与整个堆（%2）一样大：JVM 会将其缩减为几乎整个堆，老年代几乎没有空间，几乎每次回收都变成 Full GC。</translation>
    </message>
    <message>
        <source>200 (default)</source>
        <translation>200（默认）</translation>
    </message>
    <message>
        <source>%1 fixes the young generation, but G1 meets MaxGCPauseMillis=%2 by resizing the young generation; with it fixed, the pause goal is ignored and young collections take as long as the fixed size dictates.</source>
        <translation>%1 固定了新生代大小，但 G1 通过调整新生代大小来满足 MaxGCPauseMillis=%2；固定后停顿目标将被忽略，年轻代回收耗时由固定大小决定。</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Use G1 (-XX:+UseG1GC -XX:MaxGCPauseMillis=20)</source>
        <translation>使用 G1（-XX:+UseG1GC -XX:MaxGCPauseMillis=20）</translation>
    </message>
    <message>
        <source> and remove %1</source>
        <translation> 并删除 %1</translation>
    </message>
    <message>
        <source>%1 with a %2 heap: stop-the-world collections of the whole heap last seconds, long enough for ZooKeeper/KRaft sessions and follower fetches to time out. Kafka is tested with G1 (ZGC also suits large heaps).</source>
        <translation>%1 搭配 %2 的堆：整个堆的 Stop-the-World 回收持续数秒，足以让 ZooKeeper/KRaft 会话和 Follower 拉取超时。Kafka 使用 G1 测试（ZGC 也适合大堆）。</translation>
    </message>
    <message>
        <source>Set -XX:G1HeapRegionSize=%1</source>
        <translation>设置 -XX:G1HeapRegionSize=%1</translation>
    </message>
    <message>
        <source>G1HeapRegionSize=%1 is not a power of two between 1 and 32 MB; the JVM rounds or rejects it.</source>
        <translation>G1HeapRegionSize=%1 不是 1 到 32 MB 之间的 2 的幂；JVM 会取整或拒绝。</translation>
    </message>
    <message>
        <source>G1HeapRegionSize=%1 gives only %2 regions for %3: G1 has little room to pick regions and the young generation cannot shrink to meet its pause goal.</source>
        <translation>G1HeapRegionSize=%1 使 %3 只有 %2 个区域：G1 选择区域的余地很小，新生代无法缩小以满足停顿目标。</translation>
    </message>
    <message>
        <source>G1HeapRegionSize=%1 gives %2 regions for %3: records over half a region become humongous objects that fragment the heap.</source>
        <translation>G1HeapRegionSize=%1 使 %3 有 %2 个区域：超过半个区域的消息会成为巨型对象，造成堆碎片。</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: %2 needs a size such as 4G or 512M</source>
        <translation>&apos;%1&apos;：%2 需要一个大小，例如 4G 或 512M</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid -XX:+Flag / -XX:-Flag</source>
        <translation>&apos;%1&apos; 不是有效的 -XX:+Flag / -XX:-Flag</translation>
    </message>
    <message>
        <source>&apos;%1&apos; should be -XX:Name=value, -XX:+Name or -XX:-Name</source>
        <translation>&apos;%1&apos; 应为 -XX:Name=value、-XX:+Name 或 -XX:-Name</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no property name</source>
        <translation>&apos;%1&apos; 没有属性名</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a JVM option (options start with &apos;-&apos;)</source>
        <translation>&apos;%1&apos; 不是 JVM 选项（选项以 &apos;-&apos; 开头）</translation>
    </message>
    <message>
        <source>%1: the quote is never closed.</source>
        <translation>%1：引号没有闭合。</translation>
    </message>
    <message>
        <source>Text after the closing quote is ignored.</source>
        <translation>闭合引号之后的文本将被忽略。</translation>
    </message>
    <message>
        <source>Not a KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS line: &apos;%1&apos;.</source>
        <translation>不是 KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS 行：&apos;%1&apos;。</translation>
    </message>
    <message>
        <source>%1 is given twice; the JVM uses the last one (%2).</source>
        <translation>%1 出现了两次；JVM 使用最后一个（%2）。</translation>
    </message>
    <message>
        <source>Topic &apos;%1&apos; does not exist on this cluster.</source>
        <translation>主题 &apos;%1&apos; 在此集群上不存在。</translation>
    </message>
    <message>
        <source>No configuration returned for &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 没有返回任何配置。</translation>
    </message>
    <message>
        <source>live topic &apos;%1&apos;</source>
        <translation>线上主题 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The live cross-check takes a producer profile, not a %1 profile.</source>
        <translation>线上交叉检查需要生产者配置档案，而不是 %1 配置档案。</translation>
    </message>
    <message>
        <source>(default: %1)</source>
        <translation>（默认：%1）</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>(host RAM)</source>
        <translation>（主机内存）</translation>
    </message>
    <message>
        <source>Not valid JSON: %1.</source>
        <translation>不是有效的 JSON：%1。</translation>
    </message>
    <message>
        <source>Not a profile: %1.</source>
        <translation>不是配置档案：%1。</translation>
    </message>
    <message>
        <source>No profile named &apos;%1&apos; (none saved in %2).</source>
        <translation>没有名为 &apos;%1&apos; 的配置档案（%2 中没有保存任何档案）。</translation>
    </message>
    <message>
        <source>No profile named &apos;%1&apos; (known: %2).</source>
        <translation>没有名为 &apos;%1&apos; 的配置档案（已有：%2）。</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>配置档案需要一个名称。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>The name &apos;%1&apos; would overwrite the profile &apos;%2&apos;; choose another name.</source>
        <translation>名称 &apos;%1&apos; 会覆盖配置档案 &apos;%2&apos;；请换一个名称。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>No profile named &apos;%1&apos;.</source>
        <translation>没有名为 &apos;%1&apos; 的配置档案。</translation>
    </message>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>Malformed \uXXXX escape.</source>
        <translation>格式错误的 \uXXXX 转义。</translation>
    </message>
    <message>
        <source>The last line ends with &apos;\&apos; but nothing follows.</source>
        <translation>最后一行以 &apos;\&apos; 结尾，但后面没有内容。</translation>
    </message>
    <message>
        <source>No key before &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; 之前没有键。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no &apos;=&apos; and no value.</source>
        <translation>&apos;%1&apos; 既没有 &apos;=&apos; 也没有值。</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is set again (line %2 is overridden).</source>
        <translation>&apos;%1&apos; 被再次设置（第 %2 行被覆盖）。</translation>
    </message>
</context>
<context>
    <name>kops::ProfilesPage</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New profile from a built-in template</source>
        <translation>从内置模板新建配置档案</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>producer.properties, consumer.properties, topic configs, or a file with KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS lines</source>
        <translation>producer.properties、consumer.properties、主题配置，或包含 KAFKA_HEAP_OPTS / KAFKA_JVM_PERFORMANCE_OPTS 行的文件</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No profile selected&lt;/h3&gt;&lt;p&gt;Profiles hold producer, consumer, topic or broker-JVM settings together with what they must guarantee (throughput, no-loss, ordered).&lt;/p&gt;&lt;p&gt;Create one with &lt;b&gt;New&lt;/b&gt; from a built-in template, &lt;b&gt;Import…&lt;/b&gt; an existing &lt;i&gt;producer.properties&lt;/i&gt; or &lt;i&gt;kafka-server-start.sh&lt;/i&gt; environment (a JVM profile also takes a pasted KAFKA_HEAP_OPTS line), or size a broker heap in the &lt;b&gt;JVM advisor&lt;/b&gt; tab.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;未选择配置档案&lt;/h3&gt;&lt;p&gt;配置档案保存生产者、消费者、主题或 Broker JVM 的设置，以及它们必须保证的目标（高吞吐、不丢失、有序）。&lt;/p&gt;&lt;p&gt;点击&lt;b&gt;新建&lt;/b&gt;从内置模板创建，&lt;b&gt;导入…&lt;/b&gt;已有的 &lt;i&gt;producer.properties&lt;/i&gt; 或 &lt;i&gt;kafka-server-start.sh&lt;/i&gt; 环境（JVM 配置档案也可粘贴 KAFKA_HEAP_OPTS 行），或在 &lt;b&gt;JVM 顾问&lt;/b&gt;页签中估算 Broker 堆大小。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Check this producer against a saved topic profile (replication factor, min.insync.replicas, unclean election).</source>
        <translation>根据已保存的主题配置档案检查此生产者（副本因子、min.insync.replicas、非干净选举）。</translation>
    </message>
    <message>
        <source>topic name</source>
        <translation>主题名称</translation>
    </message>
    <message>
        <source>Check live topic</source>
        <translation>检查线上主题</translation>
    </message>
    <message>
        <source>Topic profile:</source>
        <translation>主题配置档案：</translation>
    </message>
    <message>
        <source>Live topic:</source>
        <translation>线上主题：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>JVM advisor</source>
        <translation>JVM 顾问</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Created JVM profile &apos;%1&apos; from the advisor.</source>
        <translation>已根据顾问建议创建 JVM 配置档案 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Skipped unreadable profile %1</source>
        <translation>已跳过无法读取的配置档案 %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Saved in %1</source>
        <translation>保存在 %1</translation>
    </message>
    <message>
        <source>Not connected: the live cross-check against a topic on the cluster is disabled. Connect to a cluster, or pick a topic profile.</source>
        <translation>未连接：无法与集群上的主题进行线上交叉检查。请连接集群，或选择一个主题配置档案。</translation>
    </message>
    <message>
        <source>Reading the topic&apos;s configuration…</source>
        <translation>正在读取主题配置…</translation>
    </message>
    <message>
        <source>Checked against %1: replication factor %2, min.insync.replicas %3, unclean election %4.</source>
        <translation>已对照 %1 检查：副本因子 %2，min.insync.replicas %3，非干净选举 %4。</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Enter a topic to check this producer against its live configuration.</source>
        <translation>输入主题名称，按其线上配置检查此生产者。</translation>
    </message>
    <message>
        <source>No cluster client available.</source>
        <translation>没有可用的集群客户端。</translation>
    </message>
    <message>
        <source>Cross-checked &apos;%1&apos; against %2.</source>
        <translation>已将 &apos;%1&apos; 与 %2 交叉检查。</translation>
    </message>
    <message>
        <source>Live check failed: %1</source>
        <translation>线上检查失败：%1</translation>
    </message>
    <message>
        <source>This needs a change on the cluster: %1</source>
        <translation>需要在集群上修改：%1</translation>
    </message>
    <message>
        <source>Topic profile &apos;%1&apos; updated: %2</source>
        <translation>主题配置档案 &apos;%1&apos; 已更新：%2</translation>
    </message>
    <message>
        <source>A profile needs a name before it can be saved.</source>
        <translation>配置档案需要名称才能保存。</translation>
    </message>
    <message>
        <source>A profile named &apos;%1&apos; already exists; choose another name.</source>
        <translation>名为 &apos;%1&apos; 的配置档案已存在；请换一个名称。</translation>
    </message>
    <message>
        <source>Saved profile &apos;%1&apos;.</source>
        <translation>已保存配置档案 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Imported &apos;%1&apos; as a %2 profile; left out: %3</source>
        <translation>已将 &apos;%1&apos; 导入为 %2 配置档案；忽略了：%3</translation>
    </message>
    <message>
        <source>Imported &apos;%1&apos; as a %2 profile.</source>
        <translation>已将 &apos;%1&apos; 导入为 %2 配置档案。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported &apos;%1&apos; to %2.</source>
        <translation>已将 &apos;%1&apos; 导出到 %2。</translation>
    </message>
    <message>
        <source>Import profile</source>
        <translation>导入配置档案</translation>
    </message>
    <message>
        <source>Kafka configuration (*.properties *.sh *.env *.json);;All files (*)</source>
        <translation>Kafka 配置 (*.properties *.sh *.env *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export profile</source>
        <translation>导出配置档案</translation>
    </message>
    <message>
        <source>kafka-server-start.sh environment (*.env *.sh);;Console profile (*.json)</source>
        <translation>kafka-server-start.sh 环境 (*.env *.sh);;控制台配置档案 (*.json)</translation>
    </message>
    <message>
        <source>Java properties (*.properties);;Console profile (*.json)</source>
        <translation>Java 属性文件 (*.properties);;控制台配置档案 (*.json)</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除配置档案</translation>
    </message>
    <message>
        <source>Delete the profile &apos;%1&apos;? Its file is removed; export it first to keep a copy.</source>
        <translation>删除配置档案 &apos;%1&apos;？其文件将被删除；如需保留请先导出。</translation>
    </message>
    <message>
        <source>Deleted profile &apos;%1&apos;.</source>
        <translation>已删除配置档案 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>配置档案</translation>
    </message>
    <message>
        <source>Profiles: the demo&apos;s examples (replaced each time the demo starts); your own profiles return with your next cluster.</source>
        <translation>配置档案：当前显示演示示例（每次启动演示时重置）；连接到你自己的集群后会恢复你的配置档案。</translation>
    </message>
</context>
<context>
    <name>kops::Replay</name>
    <message>
        <source>Cannot check the state of group &apos;%1&apos;: %2</source>
        <translation>无法检查消费者组 &apos;%1&apos; 的状态：%2</translation>
    </message>
    <message>
        <source>member %1, client %2, host %3, partitions %4</source>
        <translation>成员 %1，客户端 %2，主机 %3，分区 %4</translation>
    </message>
    <message>
        <source>Offsets can only be changed while group &apos;%1&apos; has no active members, but it is %2 with %3 member(s). Stop its consumers first.</source>
        <translation>只有在消费者组 &apos;%1&apos; 没有活跃成员时才能修改位点，但它当前为 %2，有 %3 个成员。请先停止其消费者。</translation>
    </message>
    <message>
        <source>Connection &apos;%1&apos; is read-only: offset resets are refused. Turn off read-only in its connection settings to change offsets.</source>
        <translation>连接 &apos;%1&apos; 为只读：拒绝位点重置。如需修改位点，请在连接设置中关闭只读。</translation>
    </message>
    <message>
        <source>The plan has no partitions.</source>
        <translation>计划中没有分区。</translation>
    </message>
    <message>
        <source>%1: previewed %2, now %3</source>
        <translation>%1：预览时为 %2，现在为 %3</translation>
    </message>
    <message>
        <source>The committed offsets of group &apos;%1&apos; changed since the preview; preview again.</source>
        <translation>自预览以来消费者组 &apos;%1&apos; 的已提交位点发生了变化；请重新预览。</translation>
    </message>
    <message>
        <source>The consumers of &apos;%1&apos; have processed %2 records since reset %3: undoing it makes them process %4 records again.</source>
        <translation>自重置 %3 以来，&apos;%1&apos; 的消费者已处理 %2 条消息：撤销将使它们再次处理 %4 条消息。</translation>
    </message>
    <message>
        <source>%1 had no committed offset before reset %2; it stays where it is.</source>
        <translation>%1 在重置 %2 之前没有已提交位点；保持现状。</translation>
    </message>
    <message>
        <source>Reset %1 changed nothing (outcome: %2), so there is nothing to undo.</source>
        <translation>重置 %1 没有改变任何内容（结果：%2），无需撤销。</translation>
    </message>
    <message>
        <source>Reset %1 was made on connection &apos;%2&apos;, not &apos;%3&apos;; undo it there.</source>
        <translation>重置 %1 是在连接 &apos;%2&apos; 上执行的，而不是 &apos;%3&apos;；请在那里撤销。</translation>
    </message>
    <message>
        <source>%1 had no committed offset before reset %2; it stays at %3 (a commit cannot be removed with an offset change).</source>
        <translation>%1 在重置 %2 之前没有已提交位点；保持为 %3（位点修改无法删除一次提交）。</translation>
    </message>
    <message>
        <source>Reset %1 has no offsets that can be restored.</source>
        <translation>重置 %1 没有可恢复的位点。</translation>
    </message>
    <message>
        <source>undo %1 (%2)</source>
        <translation>撤销 %1（%2）</translation>
    </message>
    <message>
        <source> Nothing was changed: a reset is never applied unjournaled.</source>
        <translation> 未做任何更改：位点重置必须先记入日志才会执行。</translation>
    </message>
    <message>
        <source>The cluster did not answer for this partition; check its offset.</source>
        <translation>集群没有响应此分区；请检查其位点。</translation>
    </message>
    <message>
        <source>%1 of %2 partitions written</source>
        <translation>已写入 %2 个分区中的 %1 个</translation>
    </message>
    <message>
        <source> The journal entry stays &apos;pending&apos;.</source>
        <translation> 日志条目保持为 &apos;pending&apos;。</translation>
    </message>
    <message>
        <source>Reset journal: %1: %2</source>
        <translation>重置日志：%1：%2</translation>
    </message>
    <message>
        <source>Reset journal: cannot create the folder of %1.</source>
        <translation>重置日志：无法创建 %1 所在的文件夹。</translation>
    </message>
    <message>
        <source>cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>cannot create the table</source>
        <translation>无法创建表</translation>
    </message>
    <message>
        <source>cannot record the reset</source>
        <translation>无法记录本次重置</translation>
    </message>
    <message>
        <source>cannot record the outcome of reset %1</source>
        <translation>无法记录重置 %1 的结果</translation>
    </message>
    <message>
        <source>cannot read the history</source>
        <translation>无法读取历史</translation>
    </message>
    <message>
        <source>cannot read reset %1</source>
        <translation>无法读取重置 %1</translation>
    </message>
    <message>
        <source>The reset journal has no entry %1.</source>
        <translation>重置日志中没有条目 %1。</translation>
    </message>
    <message>
        <source>%1 (and %2 more problems)</source>
        <translation>%1（另有 %2 个问题）</translation>
    </message>
    <message>
        <source>Topic &apos;%1&apos; does not exist.</source>
        <translation>主题 &apos;%1&apos; 不存在。</translation>
    </message>
    <message>
        <source>Partition %1 of topic &apos;%2&apos; does not exist (the topic has %3 partitions: 0..%4).</source>
        <translation>主题 &apos;%2&apos; 的分区 %1 不存在（该主题有 %3 个分区：0..%4）。</translation>
    </message>
    <message>
        <source>--all-topics: the group has no committed offsets, so there is nothing to reset. Name the topics with --topic.</source>
        <translation>--all-topics：该消费者组没有已提交位点，没有可重置的内容。请用 --topic 指定主题。</translation>
    </message>
    <message>
        <source>No scope: give --all-topics or --topic TOPIC[:P,...].</source>
        <translation>未指定范围：请给出 --all-topics 或 --topic TOPIC[:P,...]。</translation>
    </message>
    <message>
        <source>Cannot read the earliest/latest offsets of %1: %2</source>
        <translation>无法读取 %1 的最早/最新位点：%2</translation>
    </message>
    <message>
        <source>no answer from the cluster.</source>
        <translation>集群没有响应。</translation>
    </message>
    <message>
        <source>New offset (%1) is lower than earliest offset for topic partition %2. Value will be set to %3</source>
        <translation>New offset (%1) is lower than earliest offset for topic partition %2. Value will be set to %3</translation>
    </message>
    <message>
        <source>New offset (%1) is higher than latest offset for topic partition %2. Value will be set to %3</source>
        <translation>New offset (%1) is higher than latest offset for topic partition %2. Value will be set to %3</translation>
    </message>
    <message>
        <source>Cannot look up the offset by time for %1: %2</source>
        <translation>无法按时间查找 %1 的位点：%2</translation>
    </message>
    <message>
        <source>Cannot shift offset for partition %1 since there is no current committed offset.</source>
        <translation>无法移动分区 %1 的位点，因为当前没有已提交位点。</translation>
    </message>
    <message>
        <source>The scope covers no partitions.</source>
        <translation>该范围不包含任何分区。</translation>
    </message>
    <message>
        <source>No consumer group given.</source>
        <translation>未指定消费者组。</translation>
    </message>
    <message>
        <source>Timestamp at offset %1 unavailable: %2</source>
        <translation>位点 %1 处的时间戳不可用：%2</translation>
    </message>
    <message>
        <source>expected YYYY-MM-DDTHH:mm:SS.sss, optionally followed by Z or ±hh:mm</source>
        <translation>应为 YYYY-MM-DDTHH:mm:SS.sss，可选后缀 Z 或 ±hh:mm</translation>
    </message>
    <message>
        <source>Cannot parse the date-time &apos;%1&apos;: %2.</source>
        <translation>无法解析日期时间 &apos;%1&apos;：%2。</translation>
    </message>
    <message>
        <source>The date-time &apos;%1&apos; does not exist in the calendar (%2).</source>
        <translation>日期时间 &apos;%1&apos; 在日历中不存在（%2）。</translation>
    </message>
    <message>
        <source>The zone offset &apos;%1&apos; in &apos;%2&apos; is out of range.</source>
        <translation>&apos;%2&apos; 中的时区偏移 &apos;%1&apos; 超出范围。</translation>
    </message>
    <message>
        <source>Cannot parse the duration &apos;%1&apos;: expected ISO 8601 PnDTnHnMnS, e.g. PT1H30M or P1DT12H.</source>
        <translation>无法解析时长 &apos;%1&apos;：应为 ISO 8601 PnDTnHnMnS，例如 PT1H30M 或 P1DT12H。</translation>
    </message>
    <message>
        <source>--topic &apos;%1&apos; names no topic (expected TOPIC or TOPIC:P,P,...).</source>
        <translation>--topic &apos;%1&apos; 没有指定主题（应为 TOPIC 或 TOPIC:P,P,...）。</translation>
    </message>
    <message>
        <source>--topic &apos;%1&apos;: &apos;%2&apos; is not a partition number.</source>
        <translation>--topic &apos;%1&apos;：&apos;%2&apos; 不是分区号。</translation>
    </message>
    <message>
        <source>CSV line %1 (&apos;%2&apos;)</source>
        <translation>CSV 第 %1 行（&apos;%2&apos;）</translation>
    </message>
    <message>
        <source>%1: expected topic,partition,offset.</source>
        <translation>%1：应为 topic,partition,offset。</translation>
    </message>
    <message>
        <source>%1: mixes lines with and without a group column.</source>
        <translation>%1：混合了有和没有消费者组列的行。</translation>
    </message>
    <message>
        <source>%1: the topic is empty.</source>
        <translation>%1：主题为空。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a partition number.</source>
        <translation>%1：&apos;%2&apos; 不是分区号。</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not an offset.</source>
        <translation>%1：&apos;%2&apos; 不是位点。</translation>
    </message>
    <message>
        <source>%1: %2-%3 appears twice.</source>
        <translation>%1：%2-%3 出现了两次。</translation>
    </message>
    <message>
        <source>The CSV holds no topic,partition,offset lines.</source>
        <translation>CSV 中没有 topic,partition,offset 行。</translation>
    </message>
    <message>
        <source>The CSV holds no lines for group &apos;%1&apos;.</source>
        <translation>CSV 中没有消费者组 &apos;%1&apos; 的行。</translation>
    </message>
</context>
<context>
    <name>kops::ReplayPage</name>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>New reset</source>
        <translation>新建重置</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>Apply reset…</source>
        <translation>执行重置…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Export reset plan</source>
        <translation>导出重置计划</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Reload groups</source>
        <translation>重新加载消费者组</translation>
    </message>
    <message>
        <source>Consumer group:</source>
        <translation>消费者组：</translation>
    </message>
    <message>
        <source>Offsets can only be changed while the group has no active members: stop its consumers before applying. You can preview at any time.</source>
        <translation>只有在消费者组没有活跃成员时才能修改位点：执行前请先停止其消费者。预览随时可用。</translation>
    </message>
    <message>
        <source>All topics the group has committed offsets for (--all-topics)</source>
        <translation>该消费者组有已提交位点的所有主题（--all-topics）</translation>
    </message>
    <message>
        <source>These topics (--topic), separated by spaces; TOPIC:0,2,5 picks partitions:</source>
        <translation>以下主题（--topic），以空格分隔；TOPIC:0,2,5 指定分区：</translation>
    </message>
    <message>
        <source>Stop consumers of this group (demo)</source>
        <translation>停止此消费者组的消费者（演示）</translation>
    </message>
    <message>
        <source>The demo cluster runs this group&apos;s consumers in this process: stop them so its offsets can be reset.</source>
        <translation>演示集群在本进程中运行此消费者组的消费者：停止它们后才能重置位点。</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>已写入</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Start consumers of this group again (demo)</source>
        <translation>重新启动此消费者组的消费者（演示）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not connected.&lt;/b&gt; Choose a connection to plan, preview and apply offset resets.</source>
        <translation>&lt;b&gt;未连接。&lt;/b&gt;请选择一个连接以规划、预览和执行位点重置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Read-only connection &apos;%1&apos;:&lt;/b&gt; you can preview and export resets, but applying and undoing are refused. Turn off read-only in the connection settings to change offsets.</source>
        <translation>&lt;b&gt;只读连接 &apos;%1&apos;：&lt;/b&gt;可以预览和导出重置，但拒绝执行和撤销。如需修改位点，请在连接设置中关闭只读。</translation>
    </message>
    <message>
        <source>Consumer group</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Step %1 of %2 — %3</source>
        <translation>第 %1 步，共 %2 步 — %3</translation>
    </message>
    <message>
        <source> for group %1</source>
        <translation>（消费者组 %1）</translation>
    </message>
    <message>
        <source>Preview &gt;</source>
        <translation>预览 &gt;</translation>
    </message>
    <message>
        <source>The connection is read-only.</source>
        <translation>该连接为只读。</translation>
    </message>
    <message>
        <source>The group has active members; stop its consumers first.</source>
        <translation>该消费者组有活跃成员；请先停止其消费者。</translation>
    </message>
    <message>
        <source>Name at least one topic, or choose all topics.</source>
        <translation>请至少指定一个主题，或选择所有主题。</translation>
    </message>
    <message>
        <source>Computing the new offsets…</source>
        <translation>正在计算新位点…</translation>
    </message>
    <message>
        <source>No preview: the reset cannot be planned (see the message above). Nothing was changed.</source>
        <translation>无法预览：无法规划此次重置（见上方消息）。未做任何更改。</translation>
    </message>
    <message>
        <source>Group &lt;b&gt;%1&lt;/b&gt;, %2: replay &lt;b&gt;%3&lt;/b&gt; messages · &lt;span style=&apos;color:#b52a1c&apos;&gt;skip &lt;b&gt;%4&lt;/b&gt; messages&lt;/span&gt; · %5 partitions unchanged · %6 partitions without a committed offset</source>
        <translation>消费者组 &lt;b&gt;%1&lt;/b&gt;，%2：回溯 &lt;b&gt;%3&lt;/b&gt; 条消息 · &lt;span style=&apos;color:#b52a1c&apos;&gt;跳过 &lt;b&gt;%4&lt;/b&gt; 条消息&lt;/span&gt; · %5 个分区不变 · %6 个分区没有已提交位点</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot apply now.&lt;/b&gt; </source>
        <translation>&lt;b&gt;当前无法执行。&lt;/b&gt; </translation>
    </message>
    <message>
        <source>Demo: the consumers of %1 run again.</source>
        <translation>演示：%1 的消费者已重新运行。</translation>
    </message>
    <message>
        <source>Demo: the consumers of %1 are stopped.</source>
        <translation>演示：%1 的消费者已停止。</translation>
    </message>
    <message>
        <source>SKIP %1</source>
        <translation>跳过 %1</translation>
    </message>
    <message>
        <source>replay %1</source>
        <translation>回溯 %1</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>first commit</source>
        <translation>首次提交</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Reset the offsets of consumer group &lt;b&gt;%1&lt;/b&gt; on connection &lt;b&gt;%2&lt;/b&gt; (%3)?&lt;br&gt;&lt;br&gt;This &lt;b&gt;replays %4 messages&lt;/b&gt; and &lt;b&gt;skips %5 messages&lt;/b&gt; over %6 partitions. The previous offsets are journaled so the reset can be undone.</source>
        <translation>在连接 &lt;b&gt;%2&lt;/b&gt;（%3）上重置消费者组 &lt;b&gt;%1&lt;/b&gt; 的位点？&lt;br&gt;&lt;br&gt;这将在 %6 个分区上&lt;b&gt;回溯 %4 条消息&lt;/b&gt;并&lt;b&gt;跳过 %5 条消息&lt;/b&gt;。原位点会记入日志，以便撤销重置。</translation>
    </message>
    <message>
        <source>Reset offsets of %1</source>
        <translation>重置 %1 的位点</translation>
    </message>
    <message>
        <source>Reset offsets</source>
        <translation>重置位点</translation>
    </message>
    <message>
        <source>Reset %1 of group &apos;%2&apos;</source>
        <translation>消费者组 &apos;%2&apos; 的重置 %1</translation>
    </message>
    <message>
        <source> (%1 consumed since the reset)</source>
        <translation>（重置后已消费 %1）</translation>
    </message>
    <message>
        <source>Undo reset &lt;b&gt;%1&lt;/b&gt; (%2) of consumer group &lt;b&gt;%3&lt;/b&gt;, restoring the offsets it replaced?</source>
        <translation>撤销消费者组 &lt;b&gt;%3&lt;/b&gt; 的重置 &lt;b&gt;%1&lt;/b&gt;（%2），恢复被替换的位点？</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 partitions had no committed offset before and keep their current offset.</source>
        <translation>&lt;br&gt;%1 个分区之前没有已提交位点，将保持当前位点。</translation>
    </message>
    <message>
        <source>Undo reset %1</source>
        <translation>撤销重置 %1</translation>
    </message>
    <message>
        <source>Restore offsets</source>
        <translation>恢复位点</translation>
    </message>
    <message>
        <source>Undo of reset %1 (recorded as %2)</source>
        <translation>重置 %1 的撤销（记录为 %2）</translation>
    </message>
    <message>
        <source>written</source>
        <translation>已写入</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1:&lt;/b&gt; %2 of %3 partitions written.</source>
        <translation>&lt;b&gt;%1：&lt;/b&gt;已写入 %3 个分区中的 %2 个。</translation>
    </message>
    <message>
        <source> &lt;span style=&apos;color:#b52a1c&apos;&gt;&lt;b&gt;%1 partitions were NOT changed&lt;/b&gt; — see the errors below.&lt;/span&gt;</source>
        <translation> &lt;span style=&apos;color:#b52a1c&apos;&gt;&lt;b&gt;%1 个分区未被修改&lt;/b&gt; — 见下方错误。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Reset plan exported to %1 (for kafka-consumer-groups.sh --reset-offsets --from-file).</source>
        <translation>重置计划已导出到 %1（供 kafka-consumer-groups.sh --reset-offsets --from-file 使用）。</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>消息回溯</translation>
    </message>
    <message>
        <source>offsets committed at %1 (reconstructed from the commit log)</source>
        <translation>%1 提交的位点（根据提交日志重建）</translation>
    </message>
</context>
<context>
    <name>kops::RequeueDialog</name>
    <message>
        <source>Remove the dead-letter headers</source>
        <translation>移除死信消息头</translation>
    </message>
    <message>
        <source>Create missing target topics with</source>
        <translation>创建缺失的目标主题，分区数</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Requeue</source>
        <translation>重投</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancel requeue</source>
        <translation>取消重投</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Requeue every matching record of %1</source>
        <translation>重投 %1 中所有匹配的消息</translation>
    </message>
    <message numerus="yes">
        <source>Requeue %n selected record(s) of %1</source>
        <translation>
            <numerusform>重投 %1 中选中的 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume requeue %1</source>
        <translation>继续重投 %1</translation>
    </message>
    <message>
        <source>Original topic (from the dead-letter headers)</source>
        <translation>原始主题（来自死信消息头）</translation>
    </message>
    <message>
        <source>This topic:</source>
        <translation>此主题：</translation>
    </message>
    <message>
        <source>Original partition</source>
        <translation>原始分区</translation>
    </message>
    <message>
        <source>By key (Java partitioner)</source>
        <translation>按键（Java 分区器）</translation>
    </message>
    <message>
        <source>Producer default</source>
        <translation>生产者默认</translation>
    </message>
    <message>
        <source>Original timestamp</source>
        <translation>原始时间戳</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <source>as many partitions as the source</source>
        <translation>与源主题分区数相同</translation>
    </message>
    <message>
        <source> partitions</source>
        <translation> 个分区</translation>
    </message>
    <message>
        <source>A target topic that does not exist is never created silently: the preview names it, and the requeue is refused unless this is ticked.</source>
        <translation>不存在的目标主题绝不会被悄悄创建：预览会列出它，除非勾选此项，否则拒绝重投。</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> records/s</source>
        <translation> 条/秒</translation>
    </message>
    <message>
        <source>Preview first: nothing is written before you confirm.</source>
        <translation>先预览：确认之前不会写入任何内容。</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>限速</translation>
    </message>
    <message>
        <source>Continues requeue %1 with its journalled options; records already delivered (journalled or found in the targets) are not sent again.</source>
        <translation>以日志中记录的选项继续重投 %1；已投递的消息（已记入日志或在目标中找到）不会再次发送。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Options changed: preview again.</source>
        <translation>选项已更改：请重新预览。</translation>
    </message>
    <message>
        <source>Name the target topic.</source>
        <translation>请指定目标主题。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Cannot preview: %1</source>
        <translation>无法预览：%1</translation>
    </message>
    <message>
        <source>%1 without an original topic: they will fail</source>
        <translation>%1 条没有原始主题：它们将失败</translation>
    </message>
    <message>
        <source>%1 → %2 (does not exist: it will be created)</source>
        <translation>%1 → %2（不存在：将被创建）</translation>
    </message>
    <message>
        <source>%1 → %2 (does not exist)</source>
        <translation>%1 → %2（不存在）</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 of %2 scanned records match:
%3</source>
        <translation>已扫描 %2 条，匹配 %1 条：
%3</translation>
    </message>
    <message>
        <source>
Nothing is requeued while a target topic is missing: tick &quot;Create missing target topics&quot; to create %1.</source>
        <translation>
目标主题缺失时不会重投任何消息：勾选“创建缺失的目标主题”以创建 %1。</translation>
    </message>
    <message>
        <source>Requeue %1 records</source>
        <translation>重投 %1 条消息</translation>
    </message>
    <message>
        <source>The connection is read-only: requeueing is refused.</source>
        <translation>该连接为只读：拒绝重投。</translation>
    </message>
    <message>
        <source>Requeue failed: %1</source>
        <translation>重投失败：%1</translation>
    </message>
    <message>
        <source>Requeue %1 %2: %3 sent, %4 already sent, %5 failed.</source>
        <translation>重投 %1 %2：已发送 %3，之前已发送 %4，失败 %5。</translation>
    </message>
    <message>
        <source> Resume it with: kafka-ops dlq requeue --resume %1</source>
        <translation> 继续执行：kafka-ops dlq requeue --resume %1</translation>
    </message>
    <message>
        <source>
%1/%2: %3</source>
        <translation>
%1/%2：%3</translation>
    </message>
    <message>
        <source>%1 sent, %2 already sent, %3 failed — %4 records/s%5</source>
        <translation>已发送 %1，之前已发送 %2，失败 %3 — %4 条/秒%5</translation>
    </message>
    <message>
        <source> (paused)</source>
        <translation>（已暂停）</translation>
    </message>
</context>
<context>
    <name>kops::ResetConfirmDialog</name>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
</context>
<context>
    <name>kops::ResetHistoryModel</name>
    <message>
        <source>%1 (undo of %2)</source>
        <translation>%1（撤销 %2）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>消费者组</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>kops::ResetPreviewModel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (replay %2)</source>
        <translation>%1（回溯 %2）</translation>
    </message>
    <message>
        <source>+%1 (SKIP %1)</source>
        <translation>+%1（跳过 %1）</translation>
    </message>
    <message>
        <source>0 (unchanged)</source>
        <translation>0（不变）</translation>
    </message>
    <message>
        <source>log end (no record)</source>
        <translation>日志末尾（无消息）</translation>
    </message>
    <message>
        <source>Moving forwards: %1 messages will be skipped and never processed by this group.</source>
        <translation>向前移动：%1 条消息将被跳过，此消费者组永远不会处理它们。</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Current offset</source>
        <translation>当前位点</translation>
    </message>
    <message>
        <source>New offset</source>
        <translation>新位点</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>Record time at new offset</source>
        <translation>新位点处的消息时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>kops::ResetStrategyForm</name>
    <message>
        <source>Choose CSV…</source>
        <translation>选择 CSV…</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>无文件</translation>
    </message>
    <message>
        <source>From a date and time (local) — --to-datetime</source>
        <translation>从某个日期时间开始（本地时间）— --to-datetime</translation>
    </message>
    <message>
        <source>From a while ago, PnDTnHnMnS — --by-duration</source>
        <translation>从一段时间之前开始，PnDTnHnMnS — --by-duration</translation>
    </message>
    <message>
        <source>From the earliest retained message — --to-earliest</source>
        <translation>从最早保留的消息开始 — --to-earliest</translation>
    </message>
    <message>
        <source>To the end, skipping everything unread — --to-latest</source>
        <translation>到末尾，跳过所有未读消息 — --to-latest</translation>
    </message>
    <message>
        <source>To the committed offset — --to-current</source>
        <translation>到已提交位点 — --to-current</translation>
    </message>
    <message>
        <source>To an offset — --to-offset</source>
        <translation>到指定位点 — --to-offset</translation>
    </message>
    <message>
        <source>Shift by ±N — --shift-by</source>
        <translation>移动 ±N — --shift-by</translation>
    </message>
    <message>
        <source>From a CSV plan — --from-file</source>
        <translation>从 CSV 计划 — --from-file</translation>
    </message>
    <message>
        <source>Import reset plan</source>
        <translation>导入重置计划</translation>
    </message>
    <message>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (%2 partitions)</source>
        <translation>%1（%2 个分区）</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a whole number.</source>
        <translation>%1：&apos;%2&apos; 不是整数。</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>位点</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Choose a CSV file with topic,partition,offset lines.</source>
        <translation>请选择包含 topic,partition,offset 行的 CSV 文件。</translation>
    </message>
    <message>
        <source>Choose a strategy.</source>
        <translation>请选择一种策略。</translation>
    </message>
</context>
<context>
    <name>kops::RouterRunsModel</name>
    <message>
        <source>interrupted (last heard %1)</source>
        <translation>已中断（最后活动于 %1）</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已转发</translation>
    </message>
    <message>
        <source>Re-tiered</source>
        <translation>重新分层</translation>
    </message>
    <message>
        <source>Lateness p50</source>
        <translation>延迟偏差 p50</translation>
    </message>
    <message>
        <source>Lateness p99</source>
        <translation>延迟偏差 p99</translation>
    </message>
    <message>
        <source>Lateness max</source>
        <translation>最大延迟偏差</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
</context>
<context>
    <name>kops::StatusBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>kops::TimeSeriesChart</name>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>kops::ToolsPage</name>
    <message>
        <source>Backlog drain</source>
        <translation>积压排空</translation>
    </message>
    <message>
        <source>Delay queues</source>
        <translation>延迟队列</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Throughput lab</source>
        <translation>吞吐量实验</translation>
    </message>
    <message>
        <source>Order &amp;&amp; duplicate audit</source>
        <translation>顺序与重复审计</translation>
    </message>
</context>
<context>
    <name>kops::TopicsModel</name>
    <message>
        <source>partition %1: leader %2, replicas [%3], ISR [%4]</source>
        <translation>分区 %1：Leader %2，副本 [%3]，ISR [%4]</translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>... 另有 %1 个</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>副本数</translation>
    </message>
    <message>
        <source>Under-replicated</source>
        <translation>副本不足</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
</context>
<context>
    <name>kops::cli</name>
    <message>
        <source>Usage: kafka-ops COMMAND [options]

Kafka Ops Console on the command line. Every command takes --bootstrap HOST:PORT or
--profile NAME, -X key=value and --json.

Commands:
</source>
        <translation>用法：kafka-ops COMMAND [options]

命令行版 Kafka Ops Console。每个命令都接受 --bootstrap HOST:PORT 或
--profile NAME、-X key=value 和 --json。

命令：
</translation>
    </message>
    <message>
        <source>
Run &apos;kafka-ops COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>
运行 &apos;kafka-ops COMMAND --help&apos; 查看命令的选项。
</translation>
    </message>
    <message>
        <source>error: unknown command &apos;%1&apos; (run &apos;kafka-ops --help&apos; for the list)</source>
        <translation>错误：未知命令 &apos;%1&apos;（运行 &apos;kafka-ops --help&apos; 查看命令列表）</translation>
    </message>
    <message>
        <source>error: %1 (see &apos;kafka-ops %2 --help&apos;)</source>
        <translation>错误：%1（参见 &apos;kafka-ops %2 --help&apos;）</translation>
    </message>
    <message>
        <source>Usage: kafka-ops %1%2</source>
        <translation>用法：kafka-ops %1%2</translation>
    </message>
    <message>
        <source>error: internal failure: %1</source>
        <translation>错误：内部故障：%1</translation>
    </message>
    <message>
        <source>Password for connection &apos;%1&apos;: </source>
        <translation>连接 &apos;%1&apos; 的密码： </translation>
    </message>
    <message>
        <source>Bootstrap servers, host:port[,host:port...].</source>
        <translation>Bootstrap 服务器，host:port[,host:port...]。</translation>
    </message>
    <message>
        <source>A Java client properties file, as Kafka&apos;s tools take it (SASL, SSL with PEM stores).</source>
        <translation>Java 客户端属性文件，与 Kafka 工具的用法相同（SASL、使用 PEM 存储的 SSL）。</translation>
    </message>
    <message>
        <source>A librdkafka properties file, as kcat -F reads it.</source>
        <translation>librdkafka 属性文件，与 kcat -F 读取的格式相同。</translation>
    </message>
    <message>
        <source>A saved connection profile.</source>
        <translation>已保存的连接配置。</translation>
    </message>
    <message>
        <source>Use the demo cluster, simulated in this process for this command (no Kafka needed).</source>
        <translation>为本命令使用在本进程中模拟的演示集群（无需 Kafka）。</translation>
    </message>
    <message>
        <source>librdkafka property passthrough (repeatable).</source>
        <translation>透传 librdkafka 属性（可重复）。</translation>
    </message>
    <message>
        <source>Print JSON instead of text.</source>
        <translation>输出 JSON 而不是文本。</translation>
    </message>
    <message>
        <source>No progress output.</source>
        <translation>不输出进度。</translation>
    </message>
    <message>
        <source>Log to stderr.</source>
        <translation>将日志输出到标准错误。</translation>
    </message>
    <message>
        <source>Language of messages: en or zh_CN (default: the setting, else the system locale).</source>
        <translation>消息语言：en 或 zh_CN（默认：设置中的语言，否则为系统区域设置）。</translation>
    </message>
    <message>
        <source>--demo cannot be combined with --bootstrap or --profile.</source>
        <translation>--demo 不能与 --bootstrap 或 --profile 同时使用。</translation>
    </message>
    <message>
        <source>Connection &apos;%1&apos; needs a password: none in the keychain (%2); set KOPS_PASSWORD or run from a terminal.</source>
        <translation>连接 &apos;%1&apos; 需要密码：密钥环中没有（%2）；请设置 KOPS_PASSWORD 或在终端中运行。</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>note: %1 ignored (no librdkafka equivalent): %2</source>
        <translation>注意：已忽略 %1（没有对应的 librdkafka 属性）：%2</translation>
    </message>
    <message>
        <source>-X expects key=value, got &apos;%1&apos;.</source>
        <translation>-X 需要 key=value，实际为 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>No cluster given: use --bootstrap HOST:PORT (or --bootstrap-server, -b), --profile NAME, or a bootstrap.servers line in --command-config/-F.</source>
        <translation>未指定集群：请使用 --bootstrap HOST:PORT（或 --bootstrap-server、-b）、--profile NAME，或在 --command-config/-F 中写入 bootstrap.servers 行。</translation>
    </message>
    <message>
        <source>error: </source>
        <translation>错误：</translation>
    </message>
    <message>
        <source> (see --help)</source>
        <translation>（参见 --help）</translation>
    </message>
    <message>
        <source>Cluster id:        %1
</source>
        <translation>集群 ID：          %1
</translation>
    </message>
    <message>
        <source>Controller:        %1
</source>
        <translation>控制器：           %1
</translation>
    </message>
    <message>
        <source>Brokers:           %1
</source>
        <translation>Broker：           %1
</translation>
    </message>
    <message>
        <source>Topics:            %1
</source>
        <translation>主题：             %1
</translation>
    </message>
    <message>
        <source>Partitions:        %1
</source>
        <translation>分区：             %1
</translation>
    </message>
    <message>
        <source>Under-replicated:  %1

</source>
        <translation>副本不足：         %1

</translation>
    </message>
    <message>
        <source>describe-group takes exactly one GROUP</source>
        <translation>describe-group 只接受一个 GROUP</translation>
    </message>
    <message>
        <source>Consumer group &apos;%1&apos; (%2) has no active members and no committed offsets.
</source>
        <translation>消费者组 &apos;%1&apos;（%2）没有活跃成员，也没有已提交位点。
</translation>
    </message>
    <message>
        <source>Consumer group &apos;%1&apos; has no active members.

</source>
        <translation>消费者组 &apos;%1&apos; 没有活跃成员。

</translation>
    </message>
    <message>
        <source>Cluster id, controller, brokers, topic/partition counts.</source>
        <translation>集群 ID、控制器、Broker、主题/分区数量。</translation>
    </message>
    <message>
        <source>Topics with partitions, replication factor and message counts.</source>
        <translation>主题及其分区数、副本因子和消息数。</translation>
    </message>
    <message>
        <source>Include internal topics (__consumer_offsets...).</source>
        <translation>包含内部主题（__consumer_offsets...）。</translation>
    </message>
    <message>
        <source>Consumer groups with state, members and total lag.</source>
        <translation>消费者组及其状态、成员和总积压。</translation>
    </message>
    <message>
        <source>Offsets, lag and owners of each partition of a group.</source>
        <translation>消费者组每个分区的位点、积压和持有者。</translation>
    </message>
    <message>
        <source>--partition takes a partition number, got &apos;%1&apos;</source>
        <translation>--partition 需要分区号，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Use only one of --from-offset, --from-time and --newest</source>
        <translation>--from-offset、--from-time 和 --newest 只能使用其一</translation>
    </message>
    <message>
        <source>--from-offset takes an offset</source>
        <translation>--from-offset 需要一个位点</translation>
    </message>
    <message>
        <source>--newest takes a number of records</source>
        <translation>--newest 需要消息条数</translation>
    </message>
    <message>
        <source>--from-time takes ms since the epoch or an ISO 8601 time, got &apos;%1&apos;</source>
        <translation>--from-time 需要纪元毫秒数或 ISO 8601 时间，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--header takes NAME or NAME=VALUE</source>
        <translation>--header 需要 NAME 或 NAME=VALUE</translation>
    </message>
    <message>
        <source>--until-time takes ms since the epoch or ISO 8601</source>
        <translation>--until-time 需要纪元毫秒数或 ISO 8601 时间</translation>
    </message>
    <message>
        <source>(binary %1 B)</source>
        <translation>（二进制 %1 B）</translation>
    </message>
    <message>
        <source>Connection &apos;%1&apos; is read-only: %2 is refused. Nothing was changed.</source>
        <translation>连接 &apos;%1&apos; 为只读：拒绝%2。未做任何更改。</translation>
    </message>
    <message>
        <source>kafka-ops dlq %1 takes one TOPIC</source>
        <translation>kafka-ops dlq %1 只接受一个 TOPIC</translation>
    </message>
    <message>
        <source>--limit takes a number</source>
        <translation>--limit 需要一个数字</translation>
    </message>
    <message>
        <source>%1 of %2 scanned records matched</source>
        <translation>已扫描 %2 条消息，匹配 %1 条</translation>
    </message>
    <message>
        <source>--out FILE.jsonl is required</source>
        <translation>必须指定 --out FILE.jsonl</translation>
    </message>
    <message>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>%1 of %2 records scanned, %3 exported</source>
        <translation>已扫描 %2 条中的 %1 条，已导出 %3 条</translation>
    </message>
    <message>
        <source>Interrupted: &apos;%1&apos; was not written.</source>
        <translation>已中断：未写入 &apos;%1&apos;。</translation>
    </message>
    <message>
        <source>Exported %1 records (of %2 scanned) to %3</source>
        <translation>已导出 %1 条消息（共扫描 %2 条）到 %3</translation>
    </message>
    <message>
        <source>kafka-ops dlq import takes one FILE.jsonl</source>
        <translation>kafka-ops dlq import 只接受一个 FILE.jsonl</translation>
    </message>
    <message>
        <source>--to TOPIC is required for import</source>
        <translation>导入必须指定 --to TOPIC</translation>
    </message>
    <message>
        <source>Cannot read &apos;%1&apos;: %2</source>
        <translation>无法读取 &apos;%1&apos;：%2</translation>
    </message>
    <message>
        <source>%1:%2: not a JSON object (%3); nothing after line %4 was imported</source>
        <translation>%1:%2：不是 JSON 对象（%3）；第 %4 行之后的内容均未导入</translation>
    </message>
    <message>
        <source>Imported %1 records into %2; %3 failed</source>
        <translation>已导入 %1 条消息到 %2；失败 %3 条</translation>
    </message>
    <message>
        <source>--partition-policy is original, key or default</source>
        <translation>--partition-policy 可选 original、key 或 default</translation>
    </message>
    <message>
        <source>--timestamp is original or now</source>
        <translation>--timestamp 可选 original 或 now</translation>
    </message>
    <message>
        <source>--rate takes records per second</source>
        <translation>--rate 需要每秒消息数</translation>
    </message>
    <message>
        <source>Requeue %1 %2: %3 requested, %4 sent, %5 already sent, %6 failed</source>
        <translation>重投 %1 %2：请求 %3，已发送 %4，之前已发送 %5，失败 %6</translation>
    </message>
    <message>
        <source>  failed %1/%2: %3</source>
        <translation>  失败 %1/%2：%3</translation>
    </message>
    <message>
        <source>  ... and %1 more failures</source>
        <translation>  ... 另有 %1 个失败</translation>
    </message>
    <message>
        <source>Not finished; continue with: kafka-ops dlq requeue --resume %1</source>
        <translation>未完成；继续执行：kafka-ops dlq requeue --resume %1</translation>
    </message>
    <message>
        <source>--dry-run and --execute exclude each other</source>
        <translation>--dry-run 与 --execute 互斥</translation>
    </message>
    <message>
        <source>--limit is for browse and export; a requeue takes every matching record of the selection (narrow it with --partition, --from-offset, --from-time, --newest or a filter)</source>
        <translation>--limit 用于浏览和导出；重投会处理所选范围内所有匹配的消息（可用 --partition、--from-offset、--from-time、--newest 或过滤条件缩小范围）</translation>
    </message>
    <message>
        <source>--partitions takes a number of partitions</source>
        <translation>--partitions 需要分区数</translation>
    </message>
    <message>
        <source>--partitions goes with --create-topics</source>
        <translation>--partitions 需要与 --create-topics 一起使用</translation>
    </message>
    <message>
        <source>%1 sent, %2 already sent, %3 failed (%4/s)</source>
        <translation>已发送 %1，之前已发送 %2，失败 %3（%4/秒）</translation>
    </message>
    <message>
        <source>--resume takes a journal id</source>
        <translation>--resume 需要日志 ID</translation>
    </message>
    <message>
        <source>the source&apos;s</source>
        <translation>与源主题相同的</translation>
    </message>
    <message>
        <source>(no original topic)</source>
        <translation>（无原始主题）</translation>
    </message>
    <message>
        <source>(no original topic: will fail)</source>
        <translation>（无原始主题：将失败）</translation>
    </message>
    <message>
        <source> (will be created)</source>
        <translation>（将被创建）</translation>
    </message>
    <message>
        <source>--create-topics would create %1 with %2 partitions.</source>
        <translation>--create-topics 将创建 %1，分区数 %2。</translation>
    </message>
    <message>
        <source>Dry run: %1 of %2 records would be requeued. Add --execute to requeue them.</source>
        <translation>演练：%2 条中的 %1 条消息将被重投。加上 --execute 执行重投。</translation>
    </message>
    <message>
        <source>Created %1 with %2 partitions.</source>
        <translation>已创建 %1，分区数 %2。</translation>
    </message>
    <message>
        <source>kafka-ops dlq needs a verb: browse, requeue, export, import or journal</source>
        <translation>kafka-ops dlq 需要一个动作：browse、requeue、export、import 或 journal</translation>
    </message>
    <message>
        <source>unknown dlq verb &apos;%1&apos; (browse, requeue, export, import, journal)</source>
        <translation>未知的 dlq 动作 &apos;%1&apos;（browse、requeue、export、import、journal）</translation>
    </message>
    <message>
        <source>Dead letters: browse TOPIC, requeue TOPIC, export TOPIC --out F, import F --to T, journal.</source>
        <translation>死信队列：browse TOPIC、requeue TOPIC、export TOPIC --out F、import F --to T、journal。</translation>
    </message>
    <message>
        <source> (est.)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source> ago</source>
        <translation>前</translation>
    </message>
    <message>
        <source>committed offsets from: %1</source>
        <translation>已提交位点来源：%1</translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>--interval takes a number of seconds (1 or more)</source>
        <translation>--interval 需要秒数（1 或更大）</translation>
    </message>
    <message>
        <source>warning: consumer group %1 is %2</source>
        <translation>警告：消费者组 %1 %2</translation>
    </message>
    <message>
        <source> error: </source>
        <translation> 错误：</translation>
    </message>
    <message>
        <source>--format takes text, json or plugin</source>
        <translation>--format 可选 text、json 或 plugin</translation>
    </message>
    <message>
        <source>All %1 consumer groups are OK.</source>
        <translation>全部 %1 个消费者组均正常。</translation>
    </message>
    <message>
        <source>Consumer lag, time lag, drain time and health per group.</source>
        <translation>每个消费者组的消息积压、时间积压、消化时间和健康状况。</translation>
    </message>
    <message>
        <source>Only this group (repeatable).</source>
        <translation>只看此消费者组（可重复）。</translation>
    </message>
    <message>
        <source>Print one line per group every interval until interrupted.</source>
        <translation>每个间隔为每个消费者组输出一行，直到被中断。</translation>
    </message>
    <message>
        <source>Seconds between samples with --watch (default 10).</source>
        <translation>--watch 的采样间隔秒数（默认 10）。</translation>
    </message>
    <message>
        <source>Stop after N samples.</source>
        <translation>采样 N 次后停止。</translation>
    </message>
    <message>
        <source>ERR above this many messages.</source>
        <translation>积压超过此消息数时为 ERR。</translation>
    </message>
    <message>
        <source>ERR above this many seconds.</source>
        <translation>积压超过此秒数时为 ERR。</translation>
    </message>
    <message>
        <source>Evaluate lag health once as a monitoring plugin: exit 0 OK, 1 WARN, 2 CRITICAL (ERR, STOP, STALL, REWIND), 3 UNKNOWN (unreachable, unknown group).</source>
        <translation>作为监控插件评估一次积压健康状况：退出码 0 OK、1 WARN、2 CRITICAL（ERR、STOP、STALL、REWIND）、3 UNKNOWN（无法连接、未知消费者组）。</translation>
    </message>
    <message>
        <source>text (problems, one per line), json, or plugin (status line with performance data for Icinga/Nagios/Sensu).</source>
        <translation>text（每行一个问题）、json 或 plugin（带性能数据的状态行，用于 Icinga/Nagios/Sensu）。</translation>
    </message>
    <message>
        <source> (line %1)</source>
        <translation>（第 %1 行）</translation>
    </message>
    <message>
        <source>         fix: </source>
        <translation>         修复：</translation>
    </message>
    <message>
        <source>         see: </source>
        <translation>         参见：</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s), %3 info
</source>
        <translation>%1 个错误，%2 个警告，%3 条提示
</translation>
    </message>
    <message>
        <source>profile lint takes exactly one FILE</source>
        <translation>profile lint 只接受一个 FILE</translation>
    </message>
    <message>
        <source>--type must be producer, consumer, topic or jvm</source>
        <translation>--type 必须是 producer、consumer、topic 或 jvm</translation>
    </message>
    <message>
        <source>--intent must be throughput, no-loss or ordered</source>
        <translation>--intent 必须是 throughput、no-loss 或 ordered</translation>
    </message>
    <message>
        <source>--host-ram expects a size such as 32G, not &apos;%1&apos;</source>
        <translation>--host-ram 需要一个大小，例如 32G，而不是 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>--topic cross-checks producer profiles; this is a %1 profile</source>
        <translation>--topic 用于交叉检查生产者配置档案；这是 %1 配置档案</translation>
    </message>
    <message>
        <source>%1: %2 profile, intent %3%4
</source>
        <translation>%1：%2 配置档案，目标 %3%4
</translation>
    </message>
    <message>
        <source> (type guessed; use --type to override)</source>
        <translation>（类型为推测；可用 --type 指定）</translation>
    </message>
    <message>
        <source>Checked against %1.
</source>
        <translation>已对照 %1 检查。
</translation>
    </message>
    <message>
        <source>Memory split: %1.
</source>
        <translation>内存划分：%1。
</translation>
    </message>
    <message>
        <source>Host RAM unknown: heap share not checked (use --host-ram SIZE).
</source>
        <translation>主机内存未知：未检查堆占比（使用 --host-ram SIZE）。
</translation>
    </message>
    <message>
        <source>profile export takes exactly one NAME</source>
        <translation>profile export 只接受一个 NAME</translation>
    </message>
    <message>
        <source>--format must be properties, env or json</source>
        <translation>--format 必须是 properties、env 或 json</translation>
    </message>
    <message>
        <source>--format env is for JVM profiles; &apos;%1&apos; is a %2 profile</source>
        <translation>--format env 仅用于 JVM 配置档案；&apos;%1&apos; 是 %2 配置档案</translation>
    </message>
    <message>
        <source>warning: skipped %1</source>
        <translation>警告：已跳过 %1</translation>
    </message>
    <message>
        <source>profile advise needs --host-ram SIZE, e.g. 32G</source>
        <translation>profile advise 需要 --host-ram SIZE，例如 32G</translation>
    </message>
    <message>
        <source>--write-mbps expects a number</source>
        <translation>--write-mbps 需要一个数字</translation>
    </message>
    <message>
        <source>--reread-minutes expects a number</source>
        <translation>--reread-minutes 需要一个数字</translation>
    </message>
    <message>
        <source>profile list takes no arguments</source>
        <translation>profile list 不接受参数</translation>
    </message>
    <message>
        <source>profile needs a verb: lint, export, list or advise</source>
        <translation>profile 需要一个动作：lint、export、list 或 advise</translation>
    </message>
    <message>
        <source>unknown profile verb &apos;%1&apos; (lint, export, list, advise)</source>
        <translation>未知的 profile 动作 &apos;%1&apos;（lint、export、list、advise）</translation>
    </message>
    <message>
        <source>Producer/consumer/topic/JVM profiles: lint FILE, export NAME, list, advise.</source>
        <translation>生产者/消费者/主题/JVM 配置档案：lint FILE、export NAME、list、advise。</translation>
    </message>
    <message>
        <source>lint: producer, consumer, topic or jvm (guessed when absent).</source>
        <translation>lint：producer、consumer、topic 或 jvm（未指定时推测）。</translation>
    </message>
    <message>
        <source>lint: throughput, no-loss (default) or ordered.</source>
        <translation>lint：throughput、no-loss（默认）或 ordered。</translation>
    </message>
    <message>
        <source>lint/advise: RAM of the broker host, e.g. 32G.</source>
        <translation>lint/advise：Broker 主机的内存，例如 32G。</translation>
    </message>
    <message>
        <source>lint: cross-check a producer against this live topic.</source>
        <translation>lint：按此线上主题交叉检查生产者。</translation>
    </message>
    <message>
        <source>lint: cross-check a producer against a saved topic profile.</source>
        <translation>lint：按已保存的主题配置档案交叉检查生产者。</translation>
    </message>
    <message>
        <source>export: properties, env (JVM) or json.</source>
        <translation>export：properties、env（JVM）或 json。</translation>
    </message>
    <message>
        <source>advise: expected write throughput, MB/s.</source>
        <translation>advise：预期写入吞吐，MB/秒。</translation>
    </message>
    <message>
        <source>advise: minutes of recent data consumers re-read.</source>
        <translation>advise：消费者回读的近期数据分钟数。</translation>
    </message>
    <message>
        <source>--%1 expects a whole number, got &apos;%2&apos;.</source>
        <translation>--%1 需要整数，实际为 &apos;%2&apos;。</translation>
    </message>
    <message>
        <source>Give one strategy: --to-datetime, --by-duration, --to-earliest, --to-latest, --to-current, --to-offset, --shift-by or --from-file.</source>
        <translation>请给出一种策略：--to-datetime、--by-duration、--to-earliest、--to-latest、--to-current、--to-offset、--shift-by 或 --from-file。</translation>
    </message>
    <message>
        <source>Give only one strategy, not %1.</source>
        <translation>只能给出一种策略，而不是 %1。</translation>
    </message>
    <message>
        <source>Cannot read --from-file &apos;%1&apos;: %2.</source>
        <translation>无法读取 --from-file &apos;%1&apos;：%2。</translation>
    </message>
    <message>
        <source>Give --all-topics or --topic, not both.</source>
        <translation>--all-topics 与 --topic 只能给出其一。</translation>
    </message>
    <message>
        <source>Give the scope: --all-topics or --topic TOPIC[:P,...].</source>
        <translation>请给出范围：--all-topics 或 --topic TOPIC[:P,...]。</translation>
    </message>
    <message>
        <source>error: %1-%2 not changed: %3 (%4)</source>
        <translation>错误：%1-%2 未修改：%3（%4）</translation>
    </message>
    <message>
        <source>--undo expects a journal id (see --history), got &apos;%1&apos;</source>
        <translation>--undo 需要日志 ID（参见 --history），实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Undo of reset %1 (%2, %3) would restore:

</source>
        <translation>撤销重置 %1（%2，%3）将恢复：

</translation>
    </message>
    <message>
        <source>
Warning: </source>
        <translation>
警告：</translation>
    </message>
    <message>
        <source>
Dry run: nothing changed. Add --execute to restore these offsets.
</source>
        <translation>
演练：未做任何更改。加上 --execute 恢复这些位点。
</translation>
    </message>
    <message>
        <source>Undo of reset %1 recorded as %2: %3 of %4 partitions restored for group &apos;%5&apos;.
</source>
        <translation>重置 %1 的撤销已记录为 %2：已为消费者组 &apos;%5&apos; 恢复 %4 个分区中的 %3 个。
</translation>
    </message>
    <message>
        <source>Give --dry-run or --execute, not both</source>
        <translation>--dry-run 与 --execute 只能给出其一</translation>
    </message>
    <message>
        <source>--group GROUP is required</source>
        <translation>必须指定 --group GROUP</translation>
    </message>
    <message>
        <source>Connection &apos;%1&apos; is read-only: --execute is refused. Nothing was changed.</source>
        <translation>连接 &apos;%1&apos; 为只读：拒绝 --execute。未做任何更改。</translation>
    </message>
    <message>
        <source>Cannot write --export &apos;%1&apos;: %2.</source>
        <translation>无法写入 --export &apos;%1&apos;：%2。</translation>
    </message>
    <message>
        <source>
Replay: %1 messages. Skip: %2 messages. Unchanged: %3 partitions. Without commit: %4 partitions.
</source>
        <translation>
回溯：%1 条消息。跳过：%2 条消息。不变：%3 个分区。无提交：%4 个分区。
</translation>
    </message>
    <message>
        <source>Reset %1 (%2): %3 of %4 partitions written. Undo with: kafka-ops reset-offsets --undo %1 --execute
</source>
        <translation>重置 %1（%2）：已写入 %4 个分区中的 %3 个。撤销命令：kafka-ops reset-offsets --undo %1 --execute
</translation>
    </message>
    <message>
        <source>Dry run: nothing changed. Add --execute to apply.
</source>
        <translation>演练：未做任何更改。加上 --execute 执行。
</translation>
    </message>
    <message>
        <source>The consumer group.</source>
        <translation>消费者组。</translation>
    </message>
    <message>
        <source>Every partition the group has committed offsets for.</source>
        <translation>该消费者组有已提交位点的所有分区。</translation>
    </message>
    <message>
        <source>A topic, or some of its partitions (repeatable).</source>
        <translation>一个主题，或其部分分区（可重复）。</translation>
    </message>
    <message>
        <source>Earliest offset at or after YYYY-MM-DDTHH:mm:SS.sss[Z|±hh:mm] (no zone: UTC, as Kafka).</source>
        <translation>位于 YYYY-MM-DDTHH:mm:SS.sss[Z|±hh:mm] 或之后的最早位点（无时区：UTC，与 Kafka 相同）。</translation>
    </message>
    <message>
        <source>Read a --to-datetime without a zone in local time instead of UTC (Kafka&apos;s default).</source>
        <translation>将不带时区的 --to-datetime 按本地时间而不是 UTC（Kafka 的默认）解释。</translation>
    </message>
    <message>
        <source>Earliest offset at or after now minus PnDTnHnMnS.</source>
        <translation>位于当前时间减去 PnDTnHnMnS 或之后的最早位点。</translation>
    </message>
    <message>
        <source>The earliest offset.</source>
        <translation>最早位点。</translation>
    </message>
    <message>
        <source>The log-end offset.</source>
        <translation>日志末尾位点。</translation>
    </message>
    <message>
        <source>The committed offset (log end without one).</source>
        <translation>已提交位点（没有时为日志末尾）。</translation>
    </message>
    <message>
        <source>This offset, clamped to the partition&apos;s range.</source>
        <translation>此位点，限制在分区范围内。</translation>
    </message>
    <message>
        <source>The committed offset plus N (may be negative), clamped. As in Kafka, a partition without a committed offset is an error.</source>
        <translation>已提交位点加 N（可为负数），限制在范围内。与 Kafka 相同，没有已提交位点的分区会报错。</translation>
    </message>
    <message>
        <source>Offsets from a CSV of topic,partition,offset lines.</source>
        <translation>来自 topic,partition,offset 行组成的 CSV 的位点。</translation>
    </message>
    <message>
        <source>Show the new offsets only (the default).</source>
        <translation>只显示新位点（默认）。</translation>
    </message>
    <message>
        <source>Apply the new offsets (journaled; see --history, --undo).</source>
        <translation>执行新位点（记入日志；参见 --history、--undo）。</translation>
    </message>
    <message>
        <source>Write the plan as CSV for --from-file.</source>
        <translation>将计划写为 CSV，供 --from-file 使用。</translation>
    </message>
    <message>
        <source>List journaled resets (with --group: of that group).</source>
        <translation>列出已记入日志的重置（配合 --group：仅该消费者组）。</translation>
    </message>
    <message>
        <source>Restore the offsets from before journaled reset ID.</source>
        <translation>恢复已记入日志的重置 ID 之前的位点。</translation>
    </message>
    <message>
        <source>Preview, apply, list and undo consumer group offset resets (replay).</source>
        <translation>预览、执行、列出和撤销消费者组位点重置（消息回溯）。</translation>
    </message>
    <message>
        <source>Target topics %1 do not exist: nothing was requeued. Create them with --create-topics (as many partitions as the source, or --partitions N).</source>
        <translation>目标主题 %1 不存在：没有重投任何消息。请用 --create-topics 创建它们（分区数与源主题相同，或用 --partitions N 指定）。</translation>
    </message>
    <message>
        <source>Target topic %1 does not exist: nothing was requeued. Create it with --create-topics (as many partitions as the source, or --partitions N).</source>
        <translation>目标主题 %1 不存在：没有重投任何消息。请用 --create-topics 创建它（分区数与源主题相同，或用 --partitions N 指定）。</translation>
    </message>
    <message>
        <source>Drain a lagging group&apos;s backlog into a wider topic, exactly once (--dry-run, --execute).</source>
        <translation>把滞后消费者组的积压排空到更宽的主题，仅一次（--dry-run、--execute）。</translation>
    </message>
    <message>
        <source>Delay queues from tiered topics: create, send, run (the router), status.</source>
        <translation>基于分级主题的延迟队列：create、send、run（路由器）、status。</translation>
    </message>
    <message>
        <source>Scanned %1 records of %2 in %3 s (%4 records/s%5).</source>
        <translation>已扫描 %2 的 %1 条消息，用时 %3 s（每秒 %4 条%5）。</translation>
    </message>
    <message>
        <source>, %1 passes</source>
        <translation>，共 %1 轮</translation>
    </message>
    <message>
        <source>Duplicates: %1 (%2)</source>
        <translation>重复：%1（%2）</translation>
    </message>
    <message>
        <source>same key and value</source>
        <translation>键和值相同</translation>
    </message>
    <message>
        <source>same %1</source>
        <translation>%1 相同</translation>
    </message>
    <message>
        <source>Order breaks: %1 (%2 going down within a key, or a partition for null keys)</source>
        <translation>乱序：%1（同一个键内 %2 变小；键为 null 时按分区判断）</translation>
    </message>
    <message>
        <source>Keys in more than one partition: %1</source>
        <translation>跨多个分区的键：%1</translation>
    </message>
    <message>
        <source>Records without %1: %2</source>
        <translation>没有 %1 的消息：%2</translation>
    </message>
    <message>
        <source>kafka-ops audit needs a TOPIC</source>
        <translation>kafka-ops audit 需要指定主题（TOPIC）</translation>
    </message>
    <message>
        <source>--from-time needs epoch milliseconds or an ISO 8601 time</source>
        <translation>--from-time 需要纪元毫秒数或 ISO 8601 时间</translation>
    </message>
    <message>
        <source>--until-time needs epoch milliseconds or an ISO 8601 time</source>
        <translation>--until-time 需要纪元毫秒数或 ISO 8601 时间</translation>
    </message>
    <message>
        <source>--digest-limit needs a positive number</source>
        <translation>--digest-limit 需要一个正数</translation>
    </message>
    <message>
        <source>--examples needs a number</source>
        <translation>--examples 需要一个数字</translation>
    </message>
    <message>
        <source>%1scanned %2 of %3 records, %4 records/s; %5 duplicates, %6 order breaks</source>
        <translation>%1已扫描 %2/%3 条消息，每秒 %4 条；%5 条重复，%6 处乱序</translation>
    </message>
    <message>
        <source>pass %1/%2: </source>
        <translation>第 %1/%2 轮： </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>A record&apos;s id for duplicates: json:$.orderId or header:NAME (default: key and value bytes).</source>
        <translation>判定重复所用的消息标识：json:$.orderId 或 header:NAME（默认：键和值的字节）。</translation>
    </message>
    <message>
        <source>A sequence number for ordering: json:$.seq or header:NAME.</source>
        <translation>用于判定顺序的序列号：json:$.seq 或 header:NAME。</translation>
    </message>
    <message>
        <source>Audit records from this time (epoch ms or ISO 8601, no zone = UTC).</source>
        <translation>审计从此时间起的消息（纪元毫秒数或 ISO 8601；未带时区则为 UTC）。</translation>
    </message>
    <message>
        <source>Audit records before this time.</source>
        <translation>审计此时间之前的消息。</translation>
    </message>
    <message>
        <source>Digests kept per pass (default 1000000); more records take several passes.</source>
        <translation>每轮保留的摘要数（默认 1000000）；消息更多时需分多轮扫描。</translation>
    </message>
    <message>
        <source>Examples kept per finding (default 100).</source>
        <translation>每类问题保留的示例数（默认 100）。</translation>
    </message>
    <message>
        <source>Write the examples as JSON Lines to FILE.</source>
        <translation>将示例以 JSON Lines 格式写入 FILE。</translation>
    </message>
    <message>
        <source>Audit a topic for duplicates and order breaks (exit 2 when found).</source>
        <translation>审计主题中的重复和乱序（发现问题时退出码为 2）。</translation>
    </message>
    <message>
        <source>creating the topic</source>
        <translation>正在创建主题</translation>
    </message>
    <message>
        <source>producing</source>
        <translation>正在生产</translation>
    </message>
    <message>
        <source>consuming</source>
        <translation>正在消费</translation>
    </message>
    <message>
        <source>auditing</source>
        <translation>正在审计</translation>
    </message>
    <message>
        <source>deleting the topic</source>
        <translation>正在删除主题</translation>
    </message>
    <message>
        <source>Audit: no duplicates and no order breaks.</source>
        <translation>审计结果：没有重复，也没有乱序。</translation>
    </message>
    <message>
        <source>Audit: %1 duplicates and %2 order breaks (sequence numbers going down within a key).</source>
        <translation>审计结果：%1 条重复，%2 处乱序（同一个键内序列号变小）。</translation>
    </message>
    <message>
        <source>Not deleted: %1 (%2)</source>
        <translation>未删除：%1（%2）</translation>
    </message>
    <message>
        <source>Profile settings without a librdkafka equivalent, not used: %1</source>
        <translation>配置档案中没有对应 librdkafka 设置的项，未使用：%1</translation>
    </message>
    <message>
        <source>--preset is throughput, retries-without-idempotence or idempotent</source>
        <translation>--preset 的取值为 throughput、retries-without-idempotence 或 idempotent</translation>
    </message>
    <message>
        <source>--records needs a positive number</source>
        <translation>--records 需要一个正数</translation>
    </message>
    <message>
        <source>--size needs a positive number of bytes</source>
        <translation>--size 需要一个正的字节数</translation>
    </message>
    <message>
        <source>--consumers needs a positive number</source>
        <translation>--consumers 需要一个正数</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a producer profile</source>
        <translation>&apos;%1&apos; 不是生产者配置档案</translation>
    </message>
    <message>
        <source>--acks is 0, 1 or all</source>
        <translation>--acks 的取值为 0、1 或 all</translation>
    </message>
    <message>
        <source>--linger-ms needs a number</source>
        <translation>--linger-ms 需要一个数字</translation>
    </message>
    <message>
        <source>--batch-size needs a number of bytes</source>
        <translation>--batch-size 需要一个字节数</translation>
    </message>
    <message>
        <source>--replication-factor needs a number</source>
        <translation>--replication-factor 需要一个数字</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 has no lines to send</source>
        <translation>%1 中没有可发送的行</translation>
    </message>
    <message>
        <source>Connection &apos;%1&apos; is read-only: the throughput lab creates topics and is refused. Nothing was changed.</source>
        <translation>连接 &apos;%1&apos; 为只读：吞吐量实验需要创建主题，已被拒绝。未做任何更改。</translation>
    </message>
    <message>
        <source>The lab would write about %1 MB (%2 partition counts x %3 records x %4 bytes). Add --yes to go ahead.</source>
        <translation>实验将写入约 %1 MB（%2 种分区数 x %3 条消息 x %4 字节）。加上 --yes 以继续。</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n topic(s) left by an earlier lab: %1</source>
        <translation>
            <numerusform>已删除之前的实验遗留的 %n 个主题：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>failures can only be injected into the demo cluster (--demo)</source>
        <translation>只能向演示集群注入故障（--demo）</translation>
    </message>
    <message>
        <source>%1/%2: %3 partitions, %4: %5 of %6 acknowledged, %7 consumed%8</source>
        <translation>第 %1/%2 轮：%3 个分区，%4：已确认 %5/%6，已消费 %7%8</translation>
    </message>
    <message>
        <source>Cancelled; the lab&apos;s topics were deleted.</source>
        <translation>已取消；实验主题已删除。</translation>
    </message>
    <message>
        <source>Partition counts to measure (default 1,2,4,8,16,32).</source>
        <translation>要测量的分区数（默认 1,2,4,8,16,32）。</translation>
    </message>
    <message>
        <source>Records per partition count (default 200000).</source>
        <translation>每种分区数写入的消息数（默认 200000）。</translation>
    </message>
    <message>
        <source>Record size in bytes (default 100).</source>
        <translation>消息大小，单位为字节（默认 100）。</translation>
    </message>
    <message>
        <source>Send the lines of this file instead of random letters.</source>
        <translation>发送此文件中的各行，而不是随机字母。</translation>
    </message>
    <message>
        <source>acks: 0, 1 or all (default all).</source>
        <translation>acks：0、1 或 all（默认 all）。</translation>
    </message>
    <message>
        <source>enable.idempotence=true.</source>
        <translation>设置 enable.idempotence=true。</translation>
    </message>
    <message>
        <source>compression.type: none, gzip, snappy, lz4, zstd.</source>
        <translation>compression.type：none、gzip、snappy、lz4、zstd。</translation>
    </message>
    <message>
        <source>linger.ms (default 5).</source>
        <translation>linger.ms（默认 5）。</translation>
    </message>
    <message>
        <source>batch.size in bytes (default: the client&apos;s).</source>
        <translation>batch.size，单位为字节（默认：客户端默认值）。</translation>
    </message>
    <message>
        <source>Take the producer settings from a saved producer profile.</source>
        <translation>从已保存的生产者配置档案中读取生产者设置。</translation>
    </message>
    <message>
        <source>Consumers in the lab&apos;s group (default 1).</source>
        <translation>实验消费者组中的消费者数（默认 1）。</translation>
    </message>
    <message>
        <source>Replication factor of the lab&apos;s topics (default: the broker&apos;s).</source>
        <translation>实验主题的副本因子（默认：Broker 的默认值）。</translation>
    </message>
    <message>
        <source>throughput (default), retries-without-idempotence or idempotent: the teaching pair, with failures injected into the demo cluster and an audit of the result.</source>
        <translation>throughput（默认）、retries-without-idempotence 或 idempotent：后两者是一组教学对照，会向演示集群注入故障并审计结果。</translation>
    </message>
    <message>
        <source>Go ahead when the lab would write more than 1 GB.</source>
        <translation>实验将写入超过 1 GB 时仍然继续。</translation>
    </message>
    <message>
        <source>Measure produce/consume throughput and latency against partition count.</source>
        <translation>测量不同分区数下的生产/消费吞吐量和延时。</translation>
    </message>
    <message>
        <source>lag-history takes exactly one GROUP</source>
        <translation>lag-history 需要且只需要一个消费者组（GROUP）</translation>
    </message>
    <message>
        <source>--since takes a duration such as 6h, 90m or 2d</source>
        <translation>--since 需要一个时长，例如 6h、90m 或 2d</translation>
    </message>
    <message>
        <source>--step takes a duration of at least 1s, such as 1m</source>
        <translation>--step 需要至少 1s 的时长，例如 1m</translation>
    </message>
    <message>
        <source>--since/--step gives more than 20,000 steps: take a larger --step</source>
        <translation>--since/--step 会产生超过 20,000 个步长：请使用更大的 --step</translation>
    </message>
    <message>
        <source>reconstructed</source>
        <translation>重建</translation>
    </message>
    <message>
        <source>sampled</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>Reconstructed from the commit log %1; %2 offsets-for-times lookups.</source>
        <translation>已根据提交日志重建 %1；按时间查询位点 %2 次。</translation>
    </message>
    <message>
        <source>%1 from %2 to %3: %4</source>
        <translation>%1 自 %2 至 %3：%4</translation>
    </message>
    <message>
        <source>note: </source>
        <translation>注意：</translation>
    </message>
    <message>
        <source>Sampled since %1.</source>
        <translation>自 %1 起为采样数据。</translation>
    </message>
    <message>
        <source>A group&apos;s past lag per partition: sampled where the history has it, reconstructed from the commit log (__consumer_offsets) and record timestamps before that.</source>
        <translation>消费者组各分区过去的积压：历史中有采样的部分用采样数据，更早的部分根据提交日志（__consumer_offsets）和消息时间戳重建。</translation>
    </message>
    <message>
        <source>How far back (default 6h): 90m, 6h, 2d.</source>
        <translation>回溯多久（默认 6h）：90m、6h、2d。</translation>
    </message>
    <message>
        <source>Resolution (default 1m).</source>
        <translation>分辨率（默认 1m）。</translation>
    </message>
    <message>
        <source>No lag history of group &apos;%1&apos; since %2: no sample of it here, and no commit of it in the commit log in that time.</source>
        <translation>消费者组“%1”自 %2 起没有积压历史：此处没有它的采样，提交日志中这段时间也没有它的提交。</translation>
    </message>
    <message>
        <source>Before the samples: %1; %2 offsets-for-times lookups.</source>
        <translation>采样之前：%1；按时间查询位点 %2 次。</translation>
    </message>
    <message>
        <source>No lag history of group &apos;%1&apos; since %2: no sample of it here in that time.</source>
        <translation>消费者组“%1”自 %2 起没有积压历史：此处这段时间没有它的采样。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>error: --lang takes one of: %1</source>
        <translation>错误：--lang 可选值：%1</translation>
    </message>
    <message>
        <source>Kafka Ops Console: lag, dead letters, replay and profiles.</source>
        <translation>Kafka Ops Console：消息积压、死信队列、消息回溯和配置档案。</translation>
    </message>
    <message>
        <source>Connect to this saved connection at start.</source>
        <translation>启动时连接此已保存的连接。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Connect to these bootstrap servers (PLAINTEXT) without saving a profile.</source>
        <translation>不保存配置，直接连接这些 Bootstrap 服务器（PLAINTEXT）。</translation>
    </message>
    <message>
        <source>Open the demo cluster: simulated in this process, no Kafka needed.</source>
        <translation>打开演示集群：在本进程中模拟，无需 Kafka。</translation>
    </message>
    <message>
        <source>Language of the console: en or zh_CN (default: the setting, else the system locale).</source>
        <translation>控制台语言：en 或 zh_CN（默认：设置中的语言，否则为系统区域设置）。</translation>
    </message>
</context>
</TS>
