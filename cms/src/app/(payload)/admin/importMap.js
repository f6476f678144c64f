import { WorkflowPanel as WorkflowPanel_86528507ce6211eb2e17f7a880e5b4cf } from '../../../components/workflow/WorkflowPanel'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { Hidden as Hidden_9da352b2b96b4d476aa982687058afd0 } from '../../../components/workflow/Hidden'
import { DueDateCell as DueDateCell_5aff8afde43f2660af6e4f1e7badfbbe } from '../../../components/assignments/DueDateCell'
import { GrowthChart as GrowthChart_3f4759cbdf59fe19bf6c7af5de28956a } from '../../../components/records/GrowthChart'
import { DecisionPanel as DecisionPanel_9cd90bff7524380a6e55b744742860fb } from '../../../components/DecisionPanel'
import { AcknowledgeByCell as AcknowledgeByCell_e10b18621a804178fd2c93f1e8fa3c0c } from '../../../components/data-rights/DeadlineCell'
import { CompleteByCell as CompleteByCell_e10b18621a804178fd2c93f1e8fa3c0c } from '../../../components/data-rights/DeadlineCell'
import { BreachNoticeCell as BreachNoticeCell_e10b18621a804178fd2c93f1e8fa3c0c } from '../../../components/data-rights/DeadlineCell'
import { ContestActions as ContestActions_909b0e52af77fcf8c6d1f87e35eee93e } from '../../../components/contests/ContestActions'
import { ExportRegisterButton as ExportRegisterButton_c8d9e13ef04d77b75b7ded4160a94b07 } from '../../../components/registers/ExportRegisterButton'
import { LoanDueCell as LoanDueCell_41db305b918a78845a27c17fb2b9f505 } from '../../../components/equipment/LoanDueCell'
import { InventoryReportLinks as InventoryReportLinks_31b1af52ade6174a1bb61839700031fe } from '../../../components/equipment/InventoryReportLinks'
import { CompletenessTable as CompletenessTable_2dbbc1171a4c77f2b85a0883a6373ca9 } from '../../../components/test-papers/CompletenessTable'
import { HandoverListLink as HandoverListLink_2b2ddcdb7295cff9f187981dc540bb44 } from '../../../components/test-papers/HandoverListLink'
import { UrgencyCell as UrgencyCell_103cbfd7ad09bb6c453a052b9557814e } from '../../../components/office/OfficeCells'
import { IncomingStateCell as IncomingStateCell_103cbfd7ad09bb6c453a052b9557814e } from '../../../components/office/OfficeCells'
import { SendToWebsiteButton as SendToWebsiteButton_24a475e49a6b37b7627eeb353b403a5c } from '../../../components/office/SendToWebsiteButton'
import { RegisterLinks as RegisterLinks_ef10b6f7fdb9fc7596ec7e5ff41b4cbe } from '../../../components/office/RegisterLinks'
import { HandlingDeadlineCell as HandlingDeadlineCell_103cbfd7ad09bb6c453a052b9557814e } from '../../../components/office/OfficeCells'
import { PublicationPanel as PublicationPanel_116a2965a6171fd578c311d6f1e81b7e } from '../../../components/publication/PublicationPanel'
import { TimetableEditor as TimetableEditor_5dfd0839133e4418c9b05d579f3c4050 } from '../../../components/timetable/TimetableEditor'
import { FillTestSchedule as FillTestSchedule_691485b56d3a87ecbbb658033795cc82 } from '../../../components/notices/FillTestSchedule'
import { AccountGate as AccountGate_715560c5e902fd7d46f0a244d312135e } from '../../../components/account/AccountNotice'
import { PolicyNavLinks as PolicyNavLinks_712314da5256e3596e18a75673b38420 } from '../../../components/nav/PolicyNavLinks'
import { PasswordReminder as PasswordReminder_715560c5e902fd7d46f0a244d312135e } from '../../../components/account/AccountNotice'
import { EditorialDashboard as EditorialDashboard_80874a17ed08105b45f341c1f59f634a } from '../../../components/dashboard/EditorialDashboard'
import { ProgressDashboard as ProgressDashboard_d114ad38da0003bf72f54801fe2a61f6 } from '../../../components/assessment/ProgressDashboard'
import { DataRightsDashboard as DataRightsDashboard_901bee5ad49bd1f9d801331e81f0c3ec } from '../../../components/data-rights/DataRightsDashboard'
import { BackupNotice as BackupNotice_593f8581eed206f7045757c20240a73f } from '../../../components/backup/BackupNotice'
import { EquipmentDashboard as EquipmentDashboard_8e604945e515f178ce164e4653ca7b02 } from '../../../components/equipment/EquipmentDashboard'
import { HandlingsDashboard as HandlingsDashboard_ff6a7e9b55dc21c5e1ef032277b11992 } from '../../../components/office/HandlingsDashboard'
import { EditorialReportView as EditorialReportView_66941cb4d33fc9f85f586763eb32467e } from '../../../components/report/EditorialReportView'
import { RecordsView as RecordsView_e65871ff64af0d47624ff533c041d0bd } from '../../../components/records/RecordsView'
import { TotpView as TotpView_3e968f3bd2d548d4f57739c42f4822f9 } from '../../../components/account/TotpView'
import { AttendanceView as AttendanceView_4eea94dbb5916ff1fc7eeaf737171f66 } from '../../../components/assessment/AttendanceView'
import { YearEndView as YearEndView_003e5a11df72c25592d33ede46da2a25 } from '../../../components/assessment/YearEndView'
import { AssessmentGridView as AssessmentGridView_bf2793172bb06f141f8981e150605db3 } from '../../../components/assessment/AssessmentGridView'
import { ProgressView as ProgressView_5e50c26503273e030b7eaac2e8858344 } from '../../../components/assessment/ProgressView'
import { DocumentsView as DocumentsView_541f744ea53ec17a0fdd2a117ba238b9 } from '../../../components/documents/DocumentsView'
import { EquipmentReportsView as EquipmentReportsView_ce623c8df6977ad26bfde39983a2e3f0 } from '../../../components/equipment/EquipmentReportsView'
import { DisclosureStatusView as DisclosureStatusView_75a82287cf009a628802dacbd9ff428a } from '../../../components/disclosure/DisclosureStatusView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/workflow/WorkflowPanel#WorkflowPanel": WorkflowPanel_86528507ce6211eb2e17f7a880e5b4cf,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/workflow/Hidden#Hidden": Hidden_9da352b2b96b4d476aa982687058afd0,
  "/components/assignments/DueDateCell#DueDateCell": DueDateCell_5aff8afde43f2660af6e4f1e7badfbbe,
  "/components/records/GrowthChart#GrowthChart": GrowthChart_3f4759cbdf59fe19bf6c7af5de28956a,
  "/components/DecisionPanel#DecisionPanel": DecisionPanel_9cd90bff7524380a6e55b744742860fb,
  "/components/data-rights/DeadlineCell#AcknowledgeByCell": AcknowledgeByCell_e10b18621a804178fd2c93f1e8fa3c0c,
  "/components/data-rights/DeadlineCell#CompleteByCell": CompleteByCell_e10b18621a804178fd2c93f1e8fa3c0c,
  "/components/data-rights/DeadlineCell#BreachNoticeCell": BreachNoticeCell_e10b18621a804178fd2c93f1e8fa3c0c,
  "/components/contests/ContestActions#ContestActions": ContestActions_909b0e52af77fcf8c6d1f87e35eee93e,
  "/components/registers/ExportRegisterButton#ExportRegisterButton": ExportRegisterButton_c8d9e13ef04d77b75b7ded4160a94b07,
  "/components/equipment/LoanDueCell#LoanDueCell": LoanDueCell_41db305b918a78845a27c17fb2b9f505,
  "/components/equipment/InventoryReportLinks#InventoryReportLinks": InventoryReportLinks_31b1af52ade6174a1bb61839700031fe,
  "/components/test-papers/CompletenessTable#CompletenessTable": CompletenessTable_2dbbc1171a4c77f2b85a0883a6373ca9,
  "/components/test-papers/HandoverListLink#HandoverListLink": HandoverListLink_2b2ddcdb7295cff9f187981dc540bb44,
  "/components/office/OfficeCells#UrgencyCell": UrgencyCell_103cbfd7ad09bb6c453a052b9557814e,
  "/components/office/OfficeCells#IncomingStateCell": IncomingStateCell_103cbfd7ad09bb6c453a052b9557814e,
  "/components/office/SendToWebsiteButton#SendToWebsiteButton": SendToWebsiteButton_24a475e49a6b37b7627eeb353b403a5c,
  "/components/office/RegisterLinks#RegisterLinks": RegisterLinks_ef10b6f7fdb9fc7596ec7e5ff41b4cbe,
  "/components/office/OfficeCells#HandlingDeadlineCell": HandlingDeadlineCell_103cbfd7ad09bb6c453a052b9557814e,
  "/components/publication/PublicationPanel#PublicationPanel": PublicationPanel_116a2965a6171fd578c311d6f1e81b7e,
  "/components/timetable/TimetableEditor#TimetableEditor": TimetableEditor_5dfd0839133e4418c9b05d579f3c4050,
  "/components/notices/FillTestSchedule#FillTestSchedule": FillTestSchedule_691485b56d3a87ecbbb658033795cc82,
  "/components/account/AccountNotice#AccountGate": AccountGate_715560c5e902fd7d46f0a244d312135e,
  "/components/nav/PolicyNavLinks#PolicyNavLinks": PolicyNavLinks_712314da5256e3596e18a75673b38420,
  "/components/account/AccountNotice#PasswordReminder": PasswordReminder_715560c5e902fd7d46f0a244d312135e,
  "/components/dashboard/EditorialDashboard#EditorialDashboard": EditorialDashboard_80874a17ed08105b45f341c1f59f634a,
  "/components/assessment/ProgressDashboard#ProgressDashboard": ProgressDashboard_d114ad38da0003bf72f54801fe2a61f6,
  "/components/data-rights/DataRightsDashboard#DataRightsDashboard": DataRightsDashboard_901bee5ad49bd1f9d801331e81f0c3ec,
  "/components/backup/BackupNotice#BackupNotice": BackupNotice_593f8581eed206f7045757c20240a73f,
  "/components/equipment/EquipmentDashboard#EquipmentDashboard": EquipmentDashboard_8e604945e515f178ce164e4653ca7b02,
  "/components/office/HandlingsDashboard#HandlingsDashboard": HandlingsDashboard_ff6a7e9b55dc21c5e1ef032277b11992,
  "/components/report/EditorialReportView#EditorialReportView": EditorialReportView_66941cb4d33fc9f85f586763eb32467e,
  "/components/records/RecordsView#RecordsView": RecordsView_e65871ff64af0d47624ff533c041d0bd,
  "/components/account/TotpView#TotpView": TotpView_3e968f3bd2d548d4f57739c42f4822f9,
  "/components/assessment/AttendanceView#AttendanceView": AttendanceView_4eea94dbb5916ff1fc7eeaf737171f66,
  "/components/assessment/YearEndView#YearEndView": YearEndView_003e5a11df72c25592d33ede46da2a25,
  "/components/assessment/AssessmentGridView#AssessmentGridView": AssessmentGridView_bf2793172bb06f141f8981e150605db3,
  "/components/assessment/ProgressView#ProgressView": ProgressView_5e50c26503273e030b7eaac2e8858344,
  "/components/documents/DocumentsView#DocumentsView": DocumentsView_541f744ea53ec17a0fdd2a117ba238b9,
  "/components/equipment/EquipmentReportsView#EquipmentReportsView": EquipmentReportsView_ce623c8df6977ad26bfde39983a2e3f0,
  "/components/disclosure/DisclosureStatusView#DisclosureStatusView": DisclosureStatusView_75a82287cf009a628802dacbd9ff428a,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
