import rule from '../../../src/core/rules/declaration/policy-no';
import { testDeclarationRule } from '../../support/declaration-grid';

testDeclarationRule(rule, {
  valid: [
    { name: 'all Yes', companyAnswers: { policy: 'Yes', 'policy-public': 'Yes', 'require-validated': 'Yes', 'due-diligence': 'Yes', review: 'Yes', 'corrective-action': 'Yes' } },
    { name: 'No to questions outside policy and due diligence', companyAnswers: { survey: 'No', 'annual-filing': 'No' } },
    { name: 'empty answers', companyAnswers: {} },
  ],
  invalid: [
    {
      name: 'CMRT 6.5: A (D75) and G (D87) "No", for a buyer',
      companyAnswers: { policy: 'No', 'policy-public': 'Yes', 'corrective-action': 'No' },
      errors: [
        { cell: 'D75', severity: 'info', message: /^The supplier answers "No" to company question A \(sourcing policy\)\.$/, fix: /^Ask the supplier/ },
        { cell: 'D87', severity: 'info', message: /company question G \(corrective action management\)/ },
      ],
    },
    {
      name: 'for a supplier: "your customer may ask"',
      role: 'supplier',
      companyAnswers: { 'due-diligence': 'No' },
      errors: [{ cell: 'D81', severity: 'info', message: /^You answer "No" to company question D .*your customer may ask about it\.$/ }],
    },
    {
      name: 'EMRT 2.1 per-metal question C (D120 for the first mineral)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt', 'Mica'],
      companyAnswers: { 'require-validated:Cobalt': 'No', 'require-validated:Mica': 'Yes' },
      errors: [{ cell: 'D120', message: /company question C for Cobalt/, data: { metal: 'Cobalt', topic: 'require-validated' } }],
    },
    {
      name: 'CRT 2.2: policy scope (B, D65) and suppliers\' due diligence (D, D69)',
      family: 'CRT', version: '2.2',
      companyAnswers: { 'policy-scope': 'No', 'supplier-due-diligence': 'No', survey: 'No' },
      errors: [{ cell: 'D65' }, { cell: 'D69' }],
    },
  ],
});
